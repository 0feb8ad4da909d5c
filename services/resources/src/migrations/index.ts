import { CreateOutbox1764000000001 } from '@cpb/kit';
import { CreateResources1764000000000 } from './1764000000000-CreateResources';
import { CreateCoBuilding1764000000002 } from './1764000000002-CreateCoBuilding';
import { AddReasonCodes1767200000024 } from './1767200000024-AddReasonCodes';
import { AgreementRenewal1768100000001 } from './1768100000001-AgreementRenewal';
import { JointMeetingAttendingUnitsIndex1770100000010 } from './1770100000010-JointMeetingAttendingUnitsIndex';

/** Every committed migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [
  CreateResources1764000000000,
  CreateOutbox1764000000001,
  CreateCoBuilding1764000000002,
  AddReasonCodes1767200000024,
  AgreementRenewal1768100000001,
  JointMeetingAttendingUnitsIndex1770100000010,
];
