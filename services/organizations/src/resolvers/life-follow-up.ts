import { Kind, type GraphQLResolveInfo } from 'graphql';
import { msg, readPage, readPeriod, startOfDay, today, toConnection, ValidationError, YEARS, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { AttendanceTotals, MemberMeeting } from '../data/life-reads';
import { monthsBefore } from '../domain/compliance';
import { afterStanding, behindRanking, keyOfStanding, type StandingKey } from '../domain/life-ranking';
import { flagCounts, SIX_MONTHS, sixMonthFlags, type DuesFacts, type SixMonthFlag as Flag } from '../domain/six-month-flags';
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

const DUES_FACTS = `query($organizationIds: [ID!]!, $memberIds: [ID!]!) { sixMonthDuesFacts(organizationIds: $organizationIds, memberIds: $memberIds) {
  held longArrears { memberId since months } } }`;

/** How far back a run of absence is looked for: two years of complete months. */
const LOOK_BACK_MONTHS = 24;

/**
 * The six-month list of an organisation's subtree: absence from this service's records, dues from the
 * members service's ledger. Two statements and one call per organisation asked (a dashboard asks for
 * one branch or community at a time; several in one request are not batched together yet).
 */
async function flagsOf(organization: Organization, ctx: Context): Promise<Flag[]> {
  const thisMonth = `${today().slice(0, 7)}-01`;
  const [runs, organizationIds] = await Promise.all([
    ctx.lifeReads.absenceRuns(organization.path, startOfDay(monthsBefore(thisMonth, LOOK_BACK_MONTHS)), startOfDay(thisMonth), SIX_MONTHS),
    ctx.loaders.subtreeIds.load(organization.id),
  ]);
  const answer = await ctx.peers.operation<{ sixMonthDuesFacts: DuesFacts }>('members', DUES_FACTS, {
    organizationIds,
    memberIds: runs.map((r) => r.memberId),
  });
  return sixMonthFlags(runs, answer.sixMonthDuesFacts);
}

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
  const flags = await flagsOf(organization, ctx);
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
