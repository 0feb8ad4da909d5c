import { asResolver } from '@cpb/kit';
import {
  addCommitment,
  bookResource,
  cancelBooking,
  completeProject,
  matchNeed,
  progressCommitment,
  publishResource,
  raiseNeed,
  recordJointMeeting,
  renewAgreement,
  setOpeningHours,
  signAgreement,
  startProject,
  terminateAgreement,
  withdrawResource,
} from '../domain';

/** Thin entry points: each hands its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  publishResource: asResolver(publishResource),
  setOpeningHours: asResolver(setOpeningHours),
  withdrawResource: asResolver(withdrawResource),
  bookResource: asResolver(bookResource),
  cancelBooking: asResolver(cancelBooking),
  signAgreement: asResolver(signAgreement),
  addCommitment: asResolver(addCommitment),
  progressCommitment: asResolver(progressCommitment),
  terminateAgreement: asResolver(terminateAgreement),
  renewAgreement: asResolver(renewAgreement),
  raiseNeed: asResolver(raiseNeed),
  matchNeed: asResolver(matchNeed),
  startProject: asResolver(startProject),
  completeProject: asResolver(completeProject),
  recordJointMeeting: asResolver(recordJointMeeting),
};
