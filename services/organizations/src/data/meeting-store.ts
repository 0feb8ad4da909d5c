import type { EntityManager } from 'typeorm';
import {
  MeetingAttendanceEntity,
  MeetingEntity,
  MeetingVersionEntity,
  type Meeting,
  type MeetingAttendance,
  type MeetingVersion,
} from '../entities';

/** Meetings, their versions and attendance: reads outside a transaction, writes inside one. */
export class MeetingStore {
  constructor(private readonly tx: EntityManager) {}

  find(id: string): Promise<Meeting | null> {
    return this.tx.getRepository(MeetingEntity).findOneBy({ id });
  }

  /** The meeting, fresh and locked until the transaction ends: corrections to one meeting run one at a time. */
  lock(id: string): Promise<Meeting | null> {
    return this.tx.getRepository(MeetingEntity).createQueryBuilder('m').where('m.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  insert(meeting: Meeting): Promise<unknown> {
    return this.tx.getRepository(MeetingEntity).insert(meeting);
  }

  /** A new version with its attendance; the meeting then points at it. */
  async addVersion(version: MeetingVersion, attendance: MeetingAttendance[]): Promise<void> {
    await this.tx.getRepository(MeetingVersionEntity).insert(version);
    if (attendance.length) await this.tx.getRepository(MeetingAttendanceEntity).insert(attendance);
    await this.tx.getRepository(MeetingEntity).update({ id: version.meetingId }, { version: version.version });
  }

  cancel(id: string, reason: string): Promise<unknown> {
    return this.tx.getRepository(MeetingEntity).update({ id }, { status: 'CANCELLED', cancelReason: reason });
  }
}
