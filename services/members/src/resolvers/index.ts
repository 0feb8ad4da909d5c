import { Community, CommunityCensus } from './community';
import { DuesPaymentType, DuesReductionType } from './dues';
import { Member } from './member';
import { Applicant, CommunityRegistration, MigrantCheckIn, RegistrationFeedback, Transfer } from './membership';
import { Mutation } from './mutation';
import { Organization } from './organization';
import { Query } from './query';
import { ResidentUnit } from './resident-unit';
import { ToDoList } from './todo';

export const resolvers = {
  Query,
  Mutation,
  Member,
  Applicant,
  Transfer,
  CommunityRegistration,
  RegistrationFeedback,
  MigrantCheckIn,
  Organization,
  Community,
  ResidentUnit,
  CommunityCensus,
  DuesPayment: DuesPaymentType,
  DuesReduction: DuesReductionType,
  ToDoList,
};
