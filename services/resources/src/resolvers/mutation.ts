import type { Context } from '../context';
import {
  addCommitment, bookResource, cancelBooking, completeProject, matchNeed, progressCommitment, publishResource, raiseNeed, recordJointMeeting,
  setOpeningHours, signAgreement, startProject, terminateAgreement, withdrawResource,
  type BookResourceInput, type CommitmentDraft, type MatchNeedInput, type PublishResourceInput, type RaiseNeedInput, type RecordJointMeetingInput, type SignAgreementInput,
} from '../domain';
import type { CommitmentStatus, OpeningWindow } from '../entities';

/** Thin entry points: each runs one use case in one transaction with its outbox events. */
export const Mutation = {
  publishResource: (_: unknown, { input }: { input: PublishResourceInput }, ctx: Context) => ctx.transact((unit) => publishResource(unit, ctx.peers, input)),
  setOpeningHours: (_: unknown, args: { resourceId: string; openingHours: OpeningWindow[] }, ctx: Context) =>
    ctx.transact((unit) => setOpeningHours(unit, ctx.peers, args.resourceId, args.openingHours)),
  withdrawResource: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.transact((unit) => withdrawResource(unit, ctx.peers, id)),
  bookResource: (_: unknown, { input }: { input: BookResourceInput }, ctx: Context) => ctx.transact((unit) => bookResource(unit, ctx.peers, input)),
  cancelBooking: (_: unknown, args: { id: string; reason?: string | null }, ctx: Context) => ctx.transact((unit) => cancelBooking(unit, ctx.peers, args.id, args.reason)),
  signAgreement: (_: unknown, { input }: { input: SignAgreementInput }, ctx: Context) => ctx.transact((unit) => signAgreement(unit, ctx.peers, input)),
  addCommitment: (_: unknown, args: { agreementId: string; input: CommitmentDraft }, ctx: Context) => ctx.transact((unit) => addCommitment(unit, args.agreementId, args.input)),
  progressCommitment: (_: unknown, args: { commitmentId: string; status: CommitmentStatus; note: string }, ctx: Context) =>
    ctx.transact((unit) => progressCommitment(unit, args.commitmentId, args.status, args.note)),
  terminateAgreement: (_: unknown, args: { id: string; reason: string; terminatedOn?: string | null }, ctx: Context) =>
    ctx.transact((unit) => terminateAgreement(unit, args.id, args.reason, args.terminatedOn)),
  raiseNeed: (_: unknown, { input }: { input: RaiseNeedInput }, ctx: Context) => ctx.transact((unit) => raiseNeed(unit, ctx.peers, input)),
  matchNeed: (_: unknown, { input }: { input: MatchNeedInput }, ctx: Context) => ctx.transact((unit) => matchNeed(unit, ctx.peers, input)),
  startProject: (_: unknown, args: { id: string; startedOn?: string | null }, ctx: Context) => ctx.transact((unit) => startProject(unit, args.id, args.startedOn)),
  completeProject: (_: unknown, args: { id: string; outcome: string; completedOn?: string | null }, ctx: Context) =>
    ctx.transact((unit) => completeProject(unit, args.id, args.outcome, args.completedOn)),
  recordJointMeeting: (_: unknown, { input }: { input: RecordJointMeetingInput }, ctx: Context) => ctx.transact((unit) => recordJointMeeting(unit, ctx.peers, input)),
};
