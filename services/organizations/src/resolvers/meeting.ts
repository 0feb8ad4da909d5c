import { check, msg, readOpenPeriod, readPage, readPeriod, today, ValidationError, type PageArgs } from '@cpb/kit';
import { complianceOf, monthsBefore } from '../domain/compliance';
import type { Context } from '../context';
import { versionKey, type MeetingKey } from '../data/meeting-repository';
import type { SilentKey, SilentOrganization as SilentRow } from '../data/life-reads';
import { attendanceCounts } from '../domain/attendance-rules';
import type { Meeting as MeetingRow, MeetingAttendance, MeetingType, MeetingVersion, Organization } from '../entities';

async function organizationOf(meeting: MeetingRow, ctx: Context): Promise<Organization> {
  return (await ctx.loaders.organization.load(meeting.organizationId))!;
}

async function recordsOf(meeting: MeetingRow, ctx: Context): Promise<MeetingVersion[]> {
  ctx.policy.seeMeetingRecords(await organizationOf(meeting, ctx));
  return ctx.loaders.meetingVersions.load(meeting.id);
}

const person = (id: string | null) => (id ? { id } : null);

export const meetingQueries = {
  meeting: async (_: unknown, { id }: { id: string }, ctx: Context) => {
    const meeting = await ctx.loaders.meeting.load(check.uuid('id', id));
    if (meeting) ctx.policy.seeMeetingCounts(await organizationOf(meeting, ctx));
    return meeting;
  },
};

export interface MeetingListArgs extends PageArgs {
  type?: MeetingType | null;
  from?: string | null;
  to?: string | null;
}

/** `Organization.meetings`: the frame and counts of its meetings, newest first (analysts and its managers). */
export function meetingsOf(organization: Organization, args: MeetingListArgs, ctx: Context) {
  ctx.policy.seeMeetingCounts(organization);
  const page = readPage<MeetingKey>(args);
  const filter = { type: args.type ?? null, period: readOpenPeriod(args.from, args.to) };
  return ctx.loaders.meetingsOfOrganization(filter)(page).load(organization.id);
}

/** `Organization.lifeCompliance`: each type's due windows, meetings held and overdue windows, from the records (analysts and its managers). */
export async function lifeComplianceOf(organization: Organization, args: { from: string; to: string }, ctx: Context) {
  ctx.policy.seeMeetingCounts(organization);
  const period = readPeriod(args.from, args.to);
  const [held, committee, rhythms] = await Promise.all([
    ctx.loaders.heldOnDays(period).load(organization.id),
    ctx.loaders.hasCommittee.load(organization.id),
    ctx.life.rhythms(),
  ]);
  const types = complianceOf(organization, committee, period, today(), held, rhythms);
  return { from: period.from, to: period.to, types, overdueCount: types.reduce((sum, t) => sum + t.overdue.length, 0) };
}

/** How far back the silent-organisation list may look. */
const SILENT_MONTHS = { min: 1, max: 24 };

/** `Organization.silentOrganizations`: 有组织无活动 in its subtree (analysts and its managers), batched over organisations. */
export async function silentOrganizationsOf(organization: Organization, args: PageArgs & { months?: number | null }, ctx: Context) {
  ctx.policy.seeMeetingCounts(organization);
  const months = args.months ?? 3;
  if (!Number.isInteger(months) || months < SILENT_MONTHS.min || months > SILENT_MONTHS.max)
    throw new ValidationError('months', msg('meeting.silentMonths', { ...SILENT_MONTHS }));
  const page = readPage<SilentKey>(args);
  const since = monthsBefore(today(), months);
  // Batched: several organisations asked in one request share one statement per page and cut-off.
  return { ...(await ctx.life.silentOrganizations(since)(page).load(organization.id)), since };
}

export const SilentOrganization = {
  organization: (o: SilentRow, _: unknown, ctx: Context) => ctx.loaders.organization.load(o.id),
  lastMeetingAt: (o: SilentRow) => o.lastMeetingAt?.toISOString() ?? null,
};

export const Meeting = {
  organization: organizationOf,
  startsAt: (m: MeetingRow) => m.startsAt.toISOString(),
  attendanceCounts: async (m: MeetingRow, _: unknown, ctx: Context) =>
    attendanceCounts(await ctx.loaders.attendance.load(versionKey(m.id, m.version))),
  record: async (m: MeetingRow, _: unknown, ctx: Context) => (await recordsOf(m, ctx)).find((v) => v.version === m.version)!,
  history: (m: MeetingRow, _: unknown, ctx: Context) => recordsOf(m, ctx),
};

export const MeetingRecord = {
  host: (v: MeetingVersion) => person(v.hostMemberId),
  lecturer: (v: MeetingVersion) => person(v.lecturerMemberId),
  recordedAt: (v: MeetingVersion) => v.recordedAt.toISOString(),
  attendance: (v: MeetingVersion, _: unknown, ctx: Context) => ctx.loaders.attendance.load(versionKey(v.meetingId, v.version)),
};

export const Attendance = {
  member: (a: MeetingAttendance) => ({ id: a.memberId }),
};
