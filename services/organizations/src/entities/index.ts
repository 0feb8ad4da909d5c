import { CommunityEntity } from './community';
import { GridEntity } from './grid';
import { InstructorAssignmentEntity } from './instructor-assignment';
import { MeetingAttendanceEntity, MeetingEntity, MeetingVersionEntity } from './meeting';
import { OrganizationEntity } from './organization';
import { PositionEntity } from './position';
import { ResidentUnitEntity } from './resident-unit';
import { StreetEntity } from './street';

export * from './community';
export * from './grid';
export * from './instructor-assignment';
export * from './meeting';
export * from './organization';
export * from './position';
export * from './resident-unit';
export * from './street';

export const entities = [
  StreetEntity,
  CommunityEntity,
  GridEntity,
  ResidentUnitEntity,
  OrganizationEntity,
  PositionEntity,
  InstructorAssignmentEntity,
  MeetingEntity,
  MeetingVersionEntity,
  MeetingAttendanceEntity,
];
