import type { Context } from '../context';
import { admitMember, advanceApplicant, recordApplicant } from '../domain/applicants';
import { convertToFullMember, createMember, updateMember } from '../domain/member-records';
import { checkInMigrant } from '../domain/migrant-check-ins';
import { closeOrganizationMembership } from '../domain/organization-closure';
import { endRegistration, recordFeedback, registerWithCommunity } from '../domain/registrations';
import { approveTransfer, completeTransfer, rejectTransfer, requestTransfer } from '../domain/transfers';

/** The arguments a use case takes, as GraphQL hands them over. */
type ArgsOf<U extends (ctx: Context, args: never) => unknown> = Parameters<U>[1];

/** Thin entry points: each maps its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  createMember: (_: unknown, args: ArgsOf<typeof createMember>, ctx: Context) => createMember(ctx, args),
  updateMember: (_: unknown, args: ArgsOf<typeof updateMember>, ctx: Context) => updateMember(ctx, args),
  recordApplicant: (_: unknown, args: ArgsOf<typeof recordApplicant>, ctx: Context) => recordApplicant(ctx, args),
  advanceApplicant: (_: unknown, args: ArgsOf<typeof advanceApplicant>, ctx: Context) => advanceApplicant(ctx, args),
  admitMember: (_: unknown, args: ArgsOf<typeof admitMember>, ctx: Context) => admitMember(ctx, args),
  convertToFullMember: (_: unknown, args: ArgsOf<typeof convertToFullMember>, ctx: Context) => convertToFullMember(ctx, args),
  requestTransfer: (_: unknown, args: ArgsOf<typeof requestTransfer>, ctx: Context) => requestTransfer(ctx, args),
  approveTransfer: (_: unknown, args: ArgsOf<typeof approveTransfer>, ctx: Context) => approveTransfer(ctx, args),
  rejectTransfer: (_: unknown, args: ArgsOf<typeof rejectTransfer>, ctx: Context) => rejectTransfer(ctx, args),
  completeTransfer: (_: unknown, args: ArgsOf<typeof completeTransfer>, ctx: Context) => completeTransfer(ctx, args),
  registerWithCommunity: (_: unknown, args: ArgsOf<typeof registerWithCommunity>, ctx: Context) => registerWithCommunity(ctx, args),
  endRegistration: (_: unknown, args: ArgsOf<typeof endRegistration>, ctx: Context) => endRegistration(ctx, args),
  recordFeedback: (_: unknown, args: ArgsOf<typeof recordFeedback>, ctx: Context) => recordFeedback(ctx, args),
  closeOrganizationMembership: (_: unknown, args: ArgsOf<typeof closeOrganizationMembership>, ctx: Context) => closeOrganizationMembership(ctx, args),
  checkInMigrant: (_: unknown, args: ArgsOf<typeof checkInMigrant>, ctx: Context) => checkInMigrant(ctx, args),
};
