import type { Context } from '../context';
import {
  addCommitment, bookResource, cancelBooking, completeProject, matchNeed, progressCommitment, publishResource, raiseNeed, recordJointMeeting,
  setOpeningHours, signAgreement, startProject, terminateAgreement, withdrawResource,
} from '../domain';

/** The arguments a use case takes, as GraphQL hands them over. */
type ArgsOf<U extends (ctx: Context, args: never) => unknown> = Parameters<U>[1];

/** Thin entry points: each maps its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  publishResource: (_: unknown, { input }: { input: ArgsOf<typeof publishResource> }, ctx: Context) => publishResource(ctx, input),
  setOpeningHours: (_: unknown, args: ArgsOf<typeof setOpeningHours>, ctx: Context) => setOpeningHours(ctx, args),
  withdrawResource: (_: unknown, args: ArgsOf<typeof withdrawResource>, ctx: Context) => withdrawResource(ctx, args),
  bookResource: (_: unknown, { input }: { input: ArgsOf<typeof bookResource> }, ctx: Context) => bookResource(ctx, input),
  cancelBooking: (_: unknown, args: ArgsOf<typeof cancelBooking>, ctx: Context) => cancelBooking(ctx, args),
  signAgreement: (_: unknown, { input }: { input: ArgsOf<typeof signAgreement> }, ctx: Context) => signAgreement(ctx, input),
  addCommitment: (_: unknown, args: ArgsOf<typeof addCommitment>, ctx: Context) => addCommitment(ctx, args),
  progressCommitment: (_: unknown, args: ArgsOf<typeof progressCommitment>, ctx: Context) => progressCommitment(ctx, args),
  terminateAgreement: (_: unknown, args: ArgsOf<typeof terminateAgreement>, ctx: Context) => terminateAgreement(ctx, args),
  raiseNeed: (_: unknown, { input }: { input: ArgsOf<typeof raiseNeed> }, ctx: Context) => raiseNeed(ctx, input),
  matchNeed: (_: unknown, args: ArgsOf<typeof matchNeed>, ctx: Context) => matchNeed(ctx, args),
  startProject: (_: unknown, args: ArgsOf<typeof startProject>, ctx: Context) => startProject(ctx, args),
  completeProject: (_: unknown, args: ArgsOf<typeof completeProject>, ctx: Context) => completeProject(ctx, args),
  recordJointMeeting: (_: unknown, args: ArgsOf<typeof recordJointMeeting>, ctx: Context) => recordJointMeeting(ctx, args),
};
