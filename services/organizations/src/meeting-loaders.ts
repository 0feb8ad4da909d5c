import { groupedLoader, keyedLoader, pagedLoader } from '@cpb/kit';
import { versionKey, type MeetingFilter, type MeetingKey, type MeetingRepository } from './data/meeting-repository';
import type { Meeting } from './entities';

/** Per-request DataLoaders of meetings, their versions and each version's attendance. */
export function createMeetingLoaders(repo: MeetingRepository) {
  // One paged loader per filter: organisations asked with the same filter and page share one query.
  const pagesByFilter = new Map<string, ReturnType<typeof pagedLoader<Meeting, MeetingKey>>>();
  return {
    meeting: keyedLoader((ids: readonly string[]) => repo.meetingsByIds(ids), (m) => m.id),
    meetingVersions: groupedLoader((ids: readonly string[]) => repo.versionsByMeetingIds(ids), (v) => v.meetingId),
    attendance: groupedLoader((keys: readonly string[]) => repo.attendanceByVersionKeys(keys), (a) => versionKey(a.meetingId, a.version)),
    meetingsOfOrganization(filter: MeetingFilter) {
      const key = JSON.stringify(filter);
      let loader = pagesByFilter.get(key);
      if (!loader) {
        loader = pagedLoader((ids: readonly string[], page) => repo.meetingPages(ids, filter, page), (m: Meeting) => m.organizationId, (m): MeetingKey => [m.startsAt.toISOString(), m.id]);
        pagesByFilter.set(key, loader);
      }
      return loader;
    },
  };
}
