import { groupedLoader, pagedLoader, startOfDay, valueLoader, type ClosedPeriod, type Peers } from '@cpb/kit';
import {
  type LifeReads,
  type AttendanceTotals,
  type MemberMeeting,
  type RankedOrganization,
  type SilentKey,
  type SilentOrganization,
} from './data/life-reads';
import { countsFrom, type HeldOnDay } from './domain/compliance';
import { type RhythmStore, rhythmsOf } from './data/rhythm-store';
import type { MeetingRhythms } from './domain/meeting-types';

/** The first instant of a calendar year and of the next, district time. */
export function yearSpan(year: number): { start: Date; end: Date } {
  return { start: startOfDay(`${year}-01-01`), end: startOfDay(`${year + 1}-01-01`) };
}

/**
 * Per-request loaders of the follow-up of organisational life: the district's rhythms (read once per
 * request), the silent-organisation pages of several roots in one statement, members' attendance for
 * a year batched over members, and the organisation holding each member (one call to members).
 */
export function createLifeLoaders(reads: LifeReads, rhythmStore: RhythmStore, peers: Peers) {
  let rhythms: Promise<MeetingRhythms> | null = null;
  const silentBySince = new Map<string, ReturnType<typeof pagedLoader<SilentOrganization, SilentKey>>>();
  const totalsByYear = new Map<number, ReturnType<typeof valueLoader<string, AttendanceTotals | null>>>();
  const meetingsByYear = new Map<number, ReturnType<typeof groupedLoader<string, MemberMeeting>>>();
  const heldByPeriod = new Map<string, ReturnType<typeof groupedLoader<string, HeldOnDay & { rootId: string }>>>();
  const memo = <K, V>(cache: Map<K, V>, key: K, make: () => V): V => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
  };
  return {
    rhythms: () => (rhythms ??= rhythmStore.all().then(rhythmsOf)),
    silentOrganizations: (since: string) =>
      memo(silentBySince, since, () =>
        pagedLoader(
          (ids: readonly string[], page) => reads.silentPages(ids, since, page),
          (o: SilentOrganization) => o.rootId,
          (o): SilentKey => [o.name, o.id],
        ),
      ),
    /** The living organisations of each root's subtree (rankings), batched over roots. */
    subtreeOrganizations: groupedLoader(
      (ids: readonly string[]) => reads.subtreeOrganizations(ids),
      (o: RankedOrganization) => o.rootId,
    ),
    /** Meetings held per organisation, type and day in each root's subtree over a period (from the start of its first year), batched over roots. */
    heldInSubtree: (period: ClosedPeriod) =>
      memo(heldByPeriod, period.from + period.to, () =>
        groupedLoader(
          (ids: readonly string[]) => reads.heldInSubtrees(ids, countsFrom(period.from), period.end),
          (h) => h.rootId,
        ),
      ),
    attendanceTotals: (year: number) =>
      memo(totalsByYear, year, () =>
        valueLoader(
          async (ids: readonly string[]) => {
            const { start, end } = yearSpan(year);
            return new Map((await reads.attendanceTotals(ids, start, end)).map((t) => [t.memberId, t]));
          },
          null as AttendanceTotals | null,
        ),
      ),
    memberMeetings: (year: number) =>
      memo(meetingsByYear, year, () =>
        groupedLoader(
          (ids: readonly string[]) => reads.memberMeetings(ids, yearSpan(year).start, yearSpan(year).end),
          (m: MemberMeeting) => m.memberId,
        ),
      ),
    /** The organisation holding each member now (members service), for who may read a member's attendance. */
    organizationOfMember: valueLoader(
      async (ids: readonly string[]) => {
        const found = await peers.find('Member', ids);
        return new Map(ids.map((id, i) => [id, found[i]?.organizationId ?? null]));
      },
      null as string | null,
    ),
  };
}
export type LifeLoaders = ReturnType<typeof createLifeLoaders>;
