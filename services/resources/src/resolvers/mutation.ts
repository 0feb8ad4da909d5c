import { check, loadExisting as existing } from '@cpb/kit';
import type { Context } from '../context';
import {
  addCommitment, bookResource, cancelBooking, completeProject, matchNeed, progressCommitment, publishResource, raiseNeed, recordJointMeeting,
  setOpeningHours, signAgreement, startProject, terminateAgreement, withdrawResource,
  type BookResourceInput, type CommitmentDraft, type MatchNeedInput, type PublishResourceInput, type RaiseNeedInput, type RecordJointMeetingInput, type SignAgreementInput,
} from '../domain';
import { mayManageCoBuilding, mayOfferAndBook } from '../domain/policy';
import { requireAgreementPartyInScope, requireCommunityInScope, requireActingOrganizationInScope } from '../domain/scope';
import type { AgreementTerminationReason, BookingCancellationReason, CommitmentStatus, OpeningWindow } from '../entities';

/** A change to an agreement, a need or a project: a manager of its community (role first, then scope). */
async function requireManagerOfCommunity(ctx: Context, record: () => Promise<{ communityId: string }>): Promise<void> {
  mayManageCoBuilding(ctx.actor);
  await requireCommunityInScope(ctx.actor, ctx.peers, (await record()).communityId);
}

/**
 * Thin entry points: each runs one use case in one transaction with its outbox events. Where the
 * scope comes from a record (an agreement's community), it is authorised before the transaction,
 * so no peer call waits inside it; the records' communities never change.
 */
export const Mutation = {
  publishResource: (_: unknown, { input }: { input: PublishResourceInput }, ctx: Context) => ctx.transact((unit) => publishResource(unit, ctx.peers, input)),
  setOpeningHours: (_: unknown, args: { resourceId: string; openingHours: OpeningWindow[] }, ctx: Context) =>
    ctx.transact((unit) => setOpeningHours(unit, ctx.peers, args.resourceId, args.openingHours)),
  withdrawResource: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.transact((unit) => withdrawResource(unit, ctx.peers, id)),
  bookResource: (_: unknown, { input }: { input: BookResourceInput }, ctx: Context) => ctx.transact((unit) => bookResource(unit, ctx.peers, input)),
  cancelBooking: (_: unknown, args: { id: string; reason?: string | null; reasonCode: BookingCancellationReason }, ctx: Context) =>
    ctx.transact((unit) => cancelBooking(unit, ctx.peers, args.id, args.reason, args.reasonCode)),
  signAgreement: (_: unknown, { input }: { input: SignAgreementInput }, ctx: Context) => ctx.transact((unit) => signAgreement(unit, ctx.peers, input)),
  addCommitment: async (_: unknown, args: { agreementId: string; input: CommitmentDraft }, ctx: Context) => {
    await requireManagerOfCommunity(ctx, () => existing(ctx.loaders.agreement, 'Agreement', args.agreementId, 'agreementId'));
    return ctx.transact((unit) => addCommitment(unit, args.agreementId, args.input));
  },
  progressCommitment: async (_: unknown, args: { commitmentId: string; status: CommitmentStatus; note: string }, ctx: Context) => {
    mayOfferAndBook(ctx.actor);
    const commitment = await existing(ctx.loaders.commitment, 'Commitment', args.commitmentId, 'commitmentId');
    await requireAgreementPartyInScope(ctx.actor, ctx.peers, await existing(ctx.loaders.agreement, 'Agreement', commitment.agreementId, 'commitmentId'));
    return ctx.transact((unit) => progressCommitment(unit, args.commitmentId, args.status, args.note));
  },
  terminateAgreement: async (_: unknown, args: { id: string; reason: string; terminatedOn?: string | null; reasonCode: AgreementTerminationReason }, ctx: Context) => {
    await requireManagerOfCommunity(ctx, () => existing(ctx.loaders.agreement, 'Agreement', args.id, 'id'));
    return ctx.transact((unit) => terminateAgreement(unit, ctx.peers, args.id, args.reason, args.terminatedOn, args.reasonCode));
  },
  raiseNeed: (_: unknown, { input }: { input: RaiseNeedInput }, ctx: Context) => ctx.transact((unit) => raiseNeed(unit, ctx.peers, input)),
  matchNeed: async (_: unknown, { input }: { input: MatchNeedInput }, ctx: Context) => {
    await requireManagerOfCommunity(ctx, () => existing(ctx.loaders.need, 'Need', input.needId, 'needId'));
    return ctx.transact((unit) => matchNeed(unit, ctx.peers, input));
  },
  startProject: async (_: unknown, args: { id: string; startedOn?: string | null }, ctx: Context) => {
    await requireManagerOfCommunity(ctx, () => existing(ctx.loaders.project, 'Project', args.id, 'id'));
    return ctx.transact((unit) => startProject(unit, args.id, args.startedOn));
  },
  completeProject: async (_: unknown, args: { id: string; outcome: string; completedOn?: string | null }, ctx: Context) => {
    await requireManagerOfCommunity(ctx, () => existing(ctx.loaders.project, 'Project', args.id, 'id'));
    return ctx.transact((unit) => completeProject(unit, args.id, args.outcome, args.completedOn));
  },
  recordJointMeeting: async (_: unknown, { input }: { input: RecordJointMeetingInput }, ctx: Context) => {
    mayManageCoBuilding(ctx.actor);
    await requireActingOrganizationInScope(ctx.actor, ctx.peers, check.uuid('convenerId', input.convenerId));
    return ctx.transact((unit) => recordJointMeeting(unit, ctx.peers, input));
  },
};
