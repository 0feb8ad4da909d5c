import { ApplicantEntity } from './applicant';
import { DuesBaseEntity, DuesMonthEntity, DuesPaymentEntity, DuesReductionEntity } from './dues';
import { MemberEntity } from './member';
import { MigrantCheckInEntity } from './migrant-check-in';
import { CommunityRegistrationEntity, RegistrationFeedbackEntity } from './registration';
import { TransferEntity } from './transfer';

export * from './applicant';
export * from './dues';
export * from './member';
export * from './migrant-check-in';
export * from './person';
export * from './registration';
export * from './transfer';

export const entities = [
  MemberEntity,
  ApplicantEntity,
  TransferEntity,
  CommunityRegistrationEntity,
  RegistrationFeedbackEntity,
  MigrantCheckInEntity,
  DuesBaseEntity,
  DuesPaymentEntity,
  DuesReductionEntity,
  DuesMonthEntity,
];
