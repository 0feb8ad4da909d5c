import type { EntityManager } from 'typeorm';
import { JointMeetingEntity, type JointMeeting } from '../entities';

/** Writes of joint meetings inside one transaction. */
export class MeetingStore {
  constructor(private readonly tx: EntityManager) {}

  insert(meeting: JointMeeting): Promise<unknown> {
    return this.tx.getRepository(JointMeetingEntity).insert(meeting);
  }
}
