import { groupedLoader, keyedLoader, pagedLoader, valueLoader, type ClosedPeriod } from '@cpb/kit';
import { countsFrom, type HeldOnDay } from './domain/compliance';
import { versionKey, type MeetingFilter, type MeetingKey, type MeetingRepository } from './data/meeting-repository';
import type { Meeting } from './entities';

/** Per-request DataLoaders of meetings, their versions and each version's attendance. */
export function createMeetingLoaders(repo: MeetingRepository) {
  // One paged loader per filter: organisations asked with the same filter and page share one query.
  const pagesByFilter = new Map<string, ReturnType<typeof pagedLoader<Meeting, MeetingKey>>>();
  const heldByPeriod = new Map<string, ReturnType<typeof valueLoader<string, HeldOnDay[]>>>();
  return {
    /** Meetings held per day over a period (from the start of the year holding its first day), batched over organisations. */
    heldOnDays(period: ClosedPeriod) {
      let loader = heldByPeriod.get(period.from + period.to);
      if (!loader) {
        loader = valueLoader(async (ids: readonly string[]) => {
          const rows = await repo.heldOnDays(ids, countsFrom(period.from), period.end);
          return new Map(ids.map((id) => [id, rows.filter((r) => r.organizationId === id)]));
        }, [] as HeldOnDay[]);
        heldByPeriod.set(period.from + period.to, loader);
      }
      return loader;
    },
    hasCommittee: valueLoader(async (ids: readonly string[]) => {
      const found = await repo.withCommittee(ids);
      return new Map(ids.map((id) => [id, found.has(id)]));
    }, false),
    meeting: keyedLoader(
      (ids: readonly string[]) => repo.meetingsByIds(ids),
      (m) => m.id,
    ),
    meetingVersions: groupedLoader(
      (ids: readonly string[]) => repo.versionsByMeetingIds(ids),
      (v) => v.meetingId,
    ),
    attendance: groupedLoader(
      (keys: readonly string[]) => repo.attendanceByVersionKeys(keys),
      (a) => versionKey(a.meetingId, a.version),
    ),
    meetingsOfOrganization(filter: MeetingFilter) {
      const key = JSON.stringify(filter);
      let loader = pagesByFilter.get(key);
      if (!loader) {
        loader = pagedLoader(
          (ids: readonly string[], page) => repo.meetingPages(ids, filter, page),
          (m: Meeting) => m.organizationId,
          (m): MeetingKey => [m.startsAt.toISOString(), m.id],
        );
        pagesByFilter.set(key, loader);
      }
      return loader;
    },
  };
}
