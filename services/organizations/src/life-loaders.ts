import type DataLoader from 'dataloader';
import { groupedLoader, pagedLoader, startOfDay, today, valueLoader, type ClosedPeriod, type Peers } from '@cpb/kit';
import {
  type LifeReads,
  type AttendanceTotals,
  type MemberMeeting,
  type RankedOrganization,
  type SilentKey,
  type SilentOrganization,
} from './data/life-reads';
import { countsFrom, monthsBefore, type HeldOnDay } from './domain/compliance';
import { duesFactsWithin, SIX_MONTHS, sixMonthFlags, type DuesFacts, type SixMonthFlag } from './domain/six-month-flags';
import { type RhythmStore, rhythmsOf } from './data/rhythm-store';
import type { MeetingRhythms } from './domain/meeting-types';

/** The first instant of a calendar year and of the next, district time. */
export function yearSpan(year: number): { start: Date; end: Date } {
  return { start: startOfDay(`${year}-01-01`), end: startOfDay(`${year + 1}-01-01`) };
}

const DUES_FACTS = `query($organizationIds: [ID!]!, $memberIds: [ID!]!) { sixMonthDuesFacts(organizationIds: $organizationIds, memberIds: $memberIds) {
  held longArrears { memberId since months } } }`;

/** How far back a run of absence is looked for: two years of complete months. */
const LOOK_BACK_MONTHS = 24;

const distinct = (values: Iterable<string>) => [...new Set(values)];
/** A value `loadMany` gave, its failure thrown. */
function loaded<V>(value: V | Error): V {
  if (value instanceof Error) throw value;
  return value;
}

/**
 * Per-request loaders of the follow-up of organisational life: the district's rhythms (read once per
 * request), the silent-organisation pages of several roots in one statement, members' attendance for
 * a year batched over members, the organisation holding each member (one call to members), and the
 * six-month lists of a page's organisations at once.
 */
export function createLifeLoaders(reads: LifeReads, rhythmStore: RhythmStore, peers: Peers, subtreeIds: DataLoader<string, string[]>) {
  let rhythms: Promise<MeetingRhythms> | null = null;
  const silentBySince = new Map<string, ReturnType<typeof pagedLoader<SilentOrganization, SilentKey>>>();
  const totalsByYear = new Map<number, ReturnType<typeof valueLoader<string, AttendanceTotals | null>>>();
  const meetingsByYear = new Map<number, ReturnType<typeof groupedLoader<string, MemberMeeting>>>();
  const heldByPeriod = new Map<string, ReturnType<typeof groupedLoader<string, HeldOnDay & { rootId: string }>>>();
  const memo = <K, V>(cache: Map<K, V>, key: K, make: () => V): V => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
  };
  const organizationOfMember = valueLoader(
    async (ids: readonly string[]) => {
      const found = await peers.find('Member', ids);
      return new Map(ids.map((id, i) => [id, found[i]?.organizationId ?? null]));
    },
    null as string | null,
  );
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
    organizationOfMember,
    /**
     * The six-month list (自行脱党) of each organisation's subtree, for all the organisations a request
     * asks at once (a list page): absence runs in one statement, the subtrees in one, one call to members
     * for the dues facts of them all and, for more than one organisation, one more for where the members
     * it names are held, to give each subtree its own.
     */
    sixMonthFlags: valueLoader(async (rootIds: readonly string[]) => {
      const thisMonth = `${today().slice(0, 7)}-01`;
      const start = startOfDay(monthsBefore(thisMonth, LOOK_BACK_MONTHS));
      const [runs, subtrees] = await Promise.all([
        reads.absenceRuns(rootIds, start, startOfDay(thisMonth), SIX_MONTHS),
        subtreeIds.loadMany(rootIds),
      ]);
      const subtreeOf = (i: number) => loaded(subtrees[i]);
      const { sixMonthDuesFacts: facts } = await peers.operation<{ sixMonthDuesFacts: DuesFacts }>('members', DUES_FACTS, {
        organizationIds: distinct(rootIds.flatMap((_, i) => subtreeOf(i))),
        memberIds: distinct(runs.map((r) => r.memberId)),
      });
      let organizationOf: Map<string, string | null> | null = null;
      if (rootIds.length > 1) {
        const named = distinct([...facts.held, ...facts.longArrears.map((a) => a.memberId)]);
        const places = await organizationOfMember.loadMany(named);
        organizationOf = new Map(named.map((id, i) => [id, loaded(places[i])]));
      }
      return new Map(
        rootIds.map((rootId, i) => [
          rootId,
          sixMonthFlags(
            runs.filter((r) => r.rootId === rootId),
            organizationOf ? duesFactsWithin(facts, new Set(subtreeOf(i)), organizationOf) : facts,
          ),
        ]),
      );
    }, [] as SixMonthFlag[]),
  };
}
export type LifeLoaders = ReturnType<typeof createLifeLoaders>;
