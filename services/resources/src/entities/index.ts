import { AgreementEntity, CommitmentEntity, CommitmentNoteEntity } from './agreement';
import { BookingEntity } from './booking';
import { JointMeetingEntity } from './joint-meeting';
import { NeedEntity, ProjectEntity } from './need';
import { ResourceEntity } from './resource';

export * from './agreement';
export * from './booking';
export * from './joint-meeting';
export * from './need';
export * from './resource';

export const entities = [
  ResourceEntity,
  BookingEntity,
  AgreementEntity,
  CommitmentEntity,
  CommitmentNoteEntity,
  NeedEntity,
  ProjectEntity,
  JointMeetingEntity,
];
