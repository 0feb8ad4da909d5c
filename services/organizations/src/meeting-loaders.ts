import { groupedLoader, keyedLoader } from '@cpb/kit';
import { versionKey, type MeetingRepository } from './data/meeting-repository';

/** Per-request DataLoaders of meetings, their versions and each version's attendance. */
export function createMeetingLoaders(repo: MeetingRepository) {
  return {
    meeting: keyedLoader((ids: readonly string[]) => repo.meetingsByIds(ids), (m) => m.id),
    meetingVersions: groupedLoader((ids: readonly string[]) => repo.versionsByMeetingIds(ids), (v) => v.meetingId),
    attendance: groupedLoader((keys: readonly string[]) => repo.attendanceByVersionKeys(keys), (a) => versionKey(a.meetingId, a.version)),
  };
}
