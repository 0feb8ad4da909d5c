import { Kind, type GraphQLResolveInfo } from 'graphql';
import { msg, readPage, readPeriod, today, toConnection, ValidationError, YEARS, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { AttendanceTotals, MemberMeeting } from '../data/life-reads';
import { afterStanding, behindRanking, keyOfStanding, type StandingKey } from '../domain/life-ranking';
import { flagCounts, type SixMonthFlag as Flag } from '../domain/six-month-flags';
import type { Organization } from '../entities';

/** A cursor of a list paged in memory: its sealed position must still have the shape the list issued. */
function position<K extends unknown[]>(after: unknown, shape: readonly ('number' | 'string')[]): K | null {
  if (after == null) return null;
  if (!Array.isArray(after) || after.length !== shape.length || after.some((v, i) => typeof v !== shape[i]))
    throw new ValidationError('after', msg('page.foreignCursor', { field: 'after' }));
  return after as K;
}

/** `Organization.lifeComplianceRanking`: the subtree's organisations behind the rhythm, furthest behind first (analysts and its managers). */
export async function lifeComplianceRankingOf(organization: Organization, args: PageArgs & { from: string; to: string }, ctx: Context) {
  ctx.policy.seeMeetingCounts(organization);
  const period = readPeriod(args.from, args.to);
  const page = readPage<StandingKey>(args);
  const after = position<StandingKey>(page.after, ['number', 'string', 'string']);
  const [organizations, held, rhythms] = await Promise.all([
    ctx.life.subtreeOrganizations.load(organization.id),
    ctx.life.heldInSubtree(period).load(organization.id),
    ctx.life.rhythms(),
  ]);
  const { weighed, behind } = behindRanking(organizations, held, rhythms, period, today());
  return {
    from: period.from,
    to: period.to,
    weighed,
    ...toConnection(afterStanding(behind, after).slice(0, page.limit + 1), page, keyOfStanding, behind.length),
  };
}

export const OrganizationStanding = {
  organization: (s: { organization: { id: string } }, _: unknown, ctx: Context) => ctx.loaders.organization.load(s.organization.id),
};

/** `Organization.sixMonthFlags`: counts for whoever sees meeting counts; who (`edges`, `pageInfo`) for its secretaries and street administrators. */
export async function sixMonthFlagsOf(organization: Organization, args: PageArgs, ctx: Context, info: GraphQLResolveInfo) {
  ctx.policy.seeMeetingCounts(organization);
  // Asked for the names by someone who may only count: refused before anything is computed or asked of members.
  if (
    info.fieldNodes.some((node) =>
      node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === 'edges' || s.name.value === 'pageInfo')),
    )
  )
    ctx.policy.seeSixMonthNames(organization);
  const page = readPage<[string]>(args);
  const after = position<[string]>(page.after, ['string']);
  const flags = await ctx.life.sixMonthFlags.load(organization.id);
  const rows = flags.filter((f) => !after || f.memberId > after[0]).slice(0, page.limit + 1);
  return { ...toConnection(rows, page, (f) => [f.memberId], flags.length), ...flagCounts(flags), organization };
}

type FlagPage = { organization: Organization; edges: unknown; pageInfo: unknown };
const named = (field: 'edges' | 'pageInfo') => (p: FlagPage, _: unknown, ctx: Context) => {
  ctx.policy.seeSixMonthNames(p.organization);
  return p[field];
};

export const SixMonthFlagConnection = { edges: named('edges'), pageInfo: named('pageInfo') };

export const SixMonthFlag = {
  member: (f: Flag) => ({ id: f.memberId }),
};

/** Whether the actor may read `memberId`'s attendance (`countsOnly`: the counts, not the record). */
async function authorizeAttendance(ctx: Context, memberId: string, countsOnly: boolean): Promise<void> {
  // Only a manager below the district needs to know where the member is held (one batched call to members).
  if (ctx.actor.role !== 'STREET_ADMIN' && ctx.actor.role !== 'COMMUNITY_SECRETARY')
    return ctx.policy.seeAttendance(memberId, null, countsOnly);
  const organizationId = await ctx.life.organizationOfMember.load(memberId);
  const organization = organizationId ? await ctx.loaders.organization.load(organizationId) : null;
  ctx.policy.seeAttendance(memberId, organization?.path ?? null, countsOnly);
}

type MemberRef = { id: string };
const none = (memberId: string): AttendanceTotals => ({ memberId, expected: 0, present: 0, onLeave: 0, absent: 0 });

/** Organisational life of a member the members service owns: their attendance per year. */
export const Member = {
  __resolveReference: (ref: MemberRef) => ref,
  attendance: async (member: MemberRef, args: { year: number }, ctx: Context) => {
    if (!Number.isInteger(args.year) || args.year < YEARS.min || args.year > YEARS.max)
      throw new ValidationError('year', msg('input.year', { field: 'year', ...YEARS }));
    await authorizeAttendance(ctx, member.id, true);
    const totals = (await ctx.life.attendanceTotals(args.year).load(member.id)) ?? none(member.id);
    return { ...totals, year: args.year, rate: totals.expected ? totals.present / totals.expected : null };
  },
};

export const MemberAttendance = {
  meetings: async (a: AttendanceTotals & { year: number }, _: unknown, ctx: Context) => {
    await authorizeAttendance(ctx, a.memberId, false);
    return ctx.life.memberMeetings(a.year).load(a.memberId);
  },
};

export const MemberMeetingAttendance = {
  meeting: (m: MemberMeeting, _: unknown, ctx: Context) => ctx.loaders.meeting.load(m.meetingId),
};

export const rhythmQueries = {
  meetingRhythms: async (_: unknown, __: unknown, ctx: Context) => ctx.reads.rhythms.all(),
};

export const MeetingRhythm = {
  changedAt: (r: { changedAt: Date | null }) => r.changedAt?.toISOString() ?? null,
};
