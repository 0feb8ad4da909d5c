import { asResolver } from '@cpb/kit';
import { admitMember, advanceApplicant, recordApplicant } from '../domain/applicants';
import { convertToFullMember, createMember, updateMember } from '../domain/member-records';
import { declareDuesBase, grantDuesReduction } from '../domain/dues-bases';
import { recordDuesPayment, reverseDuesPayment } from '../domain/dues-payments';
import { checkInMigrant } from '../domain/migrant-check-ins';
import { extendProbation } from '../domain/probation-extension';
import { closeOrganizationMembership } from '../domain/organization-closure';
import { endRegistration, recordFeedback, registerWithCommunity } from '../domain/registrations';
import { recordTransferReceipt } from '../domain/transfer-receipts';
import { approveTransfer, completeTransfer, rejectTransfer, requestTransfer } from '../domain/transfers';

/** Thin entry points: each hands its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  createMember: asResolver(createMember),
  updateMember: asResolver(updateMember),
  recordApplicant: asResolver(recordApplicant),
  advanceApplicant: asResolver(advanceApplicant),
  admitMember: asResolver(admitMember),
  convertToFullMember: asResolver(convertToFullMember),
  extendProbation: asResolver(extendProbation),
  requestTransfer: asResolver(requestTransfer),
  approveTransfer: asResolver(approveTransfer),
  rejectTransfer: asResolver(rejectTransfer),
  completeTransfer: asResolver(completeTransfer),
  recordTransferReceipt: asResolver(recordTransferReceipt),
  registerWithCommunity: asResolver(registerWithCommunity),
  endRegistration: asResolver(endRegistration),
  recordFeedback: asResolver(recordFeedback),
  closeOrganizationMembership: asResolver(closeOrganizationMembership),
  checkInMigrant: asResolver(checkInMigrant),
  declareDuesBase: asResolver(declareDuesBase),
  recordDuesPayment: asResolver(recordDuesPayment),
  reverseDuesPayment: asResolver(reverseDuesPayment),
  grantDuesReduction: asResolver(grantDuesReduction),
};
