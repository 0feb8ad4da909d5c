import { In, type DataSource } from 'typeorm';
import { MeetingAttendanceEntity, MeetingEntity, MeetingVersionEntity, type Meeting, type MeetingAttendance, type MeetingVersion } from '../entities';

/** Reads of meetings for the resolvers, each batched over the keys a DataLoader collects. */
export class MeetingRepository {
  constructor(private readonly db: DataSource) {}

  meetingsByIds(ids: readonly string[]): Promise<Meeting[]> {
    return this.db.getRepository(MeetingEntity).findBy({ id: In([...ids]) });
  }

  versionsByMeetingIds(ids: readonly string[]): Promise<MeetingVersion[]> {
    return this.db.getRepository(MeetingVersionEntity).find({ where: { meetingId: In([...ids]) }, order: { version: 'ASC' } });
  }

  /** Attendance of versions named `meetingId/version`, one query for all of them. */
  async attendanceByVersionKeys(keys: readonly string[]): Promise<MeetingAttendance[]> {
    const pairs = keys.map((key) => key.split('/'));
    return this.db.getRepository(MeetingAttendanceEntity)
      .createQueryBuilder('a')
      .where('(a.meeting_id, a.version) IN (SELECT * FROM unnest(:ids::uuid[], :versions::int[]))', { ids: pairs.map((p) => p[0]), versions: pairs.map((p) => Number(p[1])) })
      .orderBy('a.member_id')
      .getMany();
  }
}

export const versionKey = (meetingId: string, version: number): string => `${meetingId}/${version}`;
