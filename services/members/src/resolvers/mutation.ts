import { check, loadExisting as existing } from '@cpb/kit';
import type { Context } from '../context';
import { admitMember, advanceApplicant, recordApplicant, type RecordApplicantInput } from '../domain/applicants';
import { convertToFullMember, createMember, updateMember, type CreateMemberInput, type UpdateMemberInput } from '../domain/member-records';
import { checkInMigrant } from '../domain/migrant-check-ins';
import { closeOrganizationMembership } from '../domain/organization-closure';
import { endRegistration, recordFeedback, registerWithCommunity } from '../domain/registrations';
import { approveTransfer, completeTransfer, rejectTransfer, requestTransfer } from '../domain/transfers';
import type { ApplicantStage, FeedbackRating } from '../entities';

/** Thin entry points: authorise against the caller's scope, then run one use case in one transaction. */
export const Mutation = {
  createMember: async (_: unknown, { input }: { input: CreateMemberInput }, ctx: Context) => {
    await ctx.access.requireManagerOf(check.uuid('organizationId', input.organizationId));
    return createMember(ctx, input);
  },
  updateMember: async (_: unknown, a: { id: string; input: UpdateMemberInput }, ctx: Context) => {
    await ctx.access.requireSelfOrManagerOf(await existing(ctx.loaders.member, 'Member', a.id, 'id'));
    return ctx.transact((unit) => updateMember(unit, ctx.peers, a.id, a.input));
  },
  recordApplicant: async (_: unknown, { input }: { input: RecordApplicantInput }, ctx: Context) => {
    await ctx.access.requireManagerOf(check.uuid('organizationId', input.organizationId));
    return ctx.transact((unit) => recordApplicant(unit, ctx.peers, input));
  },
  advanceApplicant: async (_: unknown, a: { id: string; stage: ApplicantStage; on?: string | null }, ctx: Context) => {
    await ctx.access.requireManagerOf((await existing(ctx.loaders.applicant, 'Applicant', a.id, 'id')).organizationId);
    return ctx.transact((unit) => advanceApplicant(unit, a.id, a.stage, a.on));
  },
  admitMember: async (_: unknown, a: { applicantId: string; joinedOn?: string | null }, ctx: Context) => {
    const applicant = await existing(ctx.loaders.applicant, 'Applicant', a.applicantId, 'applicantId');
    await ctx.access.requireManagerOf(applicant.organizationId);
    return admitMember(ctx, applicant, a.joinedOn);
  },
  convertToFullMember: async (_: unknown, a: { memberId: string; convertedOn?: string | null }, ctx: Context) => {
    await ctx.access.requireManagerOf((await existing(ctx.loaders.member, 'Member', a.memberId, 'memberId')).organizationId);
    return ctx.transact((unit) => convertToFullMember(unit, a.memberId, a.convertedOn));
  },
  requestTransfer: async (_: unknown, a: { memberId: string; toOrganizationId: string; reason: string }, ctx: Context) => {
    await ctx.access.requireSelfOrManagerOf(await existing(ctx.loaders.member, 'Member', a.memberId, 'memberId'));
    return ctx.transact((unit) => requestTransfer(unit, ctx.peers, a.memberId, a.toOrganizationId, a.reason));
  },
  approveTransfer: async (_: unknown, a: { id: string }, ctx: Context) => {
    await ctx.access.requireTransferDecision(await existing(ctx.loaders.transfer, 'Transfer', a.id, 'id'), 'APPROVED');
    return ctx.transact((unit) => approveTransfer(unit, a.id));
  },
  rejectTransfer: async (_: unknown, a: { id: string; reason?: string | null }, ctx: Context) => {
    await ctx.access.requireTransferDecision(await existing(ctx.loaders.transfer, 'Transfer', a.id, 'id'), 'REJECTED');
    return ctx.transact((unit) => rejectTransfer(unit, a.id, a.reason));
  },
  completeTransfer: async (_: unknown, a: { id: string }, ctx: Context) => {
    const transfer = await existing(ctx.loaders.transfer, 'Transfer', a.id, 'id');
    await ctx.access.requireTransferDecision(transfer, 'COMPLETED');
    return completeTransfer(ctx, transfer);
  },
  registerWithCommunity: async (_: unknown, a: { memberId: string; communityId?: string | null; registeredOn?: string | null }, ctx: Context) => {
    await ctx.access.requireSelfOrManagerOf(await existing(ctx.loaders.member, 'Member', a.memberId, 'memberId'));
    return ctx.transact((unit) => registerWithCommunity(unit, ctx.peers, a.memberId, a.communityId, a.registeredOn));
  },
  endRegistration: async (_: unknown, a: { id: string; endedOn?: string | null }, ctx: Context) => {
    const registration = await existing(ctx.loaders.registration, 'CommunityRegistration', a.id, 'id');
    await ctx.access.requireSelfOrManagerOf(await existing(ctx.loaders.member, 'Member', registration.memberId, 'id'));
    return ctx.transact((unit) => endRegistration(unit, a.id, a.endedOn));
  },
  recordFeedback: async (_: unknown, a: { registrationId: string; rating: FeedbackRating; comment: string }, ctx: Context) => {
    await ctx.access.requireManagerOfCommunity((await existing(ctx.loaders.registration, 'CommunityRegistration', a.registrationId, 'registrationId')).communityId);
    return ctx.transact((unit) => recordFeedback(unit, a.registrationId, a.rating, a.comment));
  },
  closeOrganizationMembership: (_: unknown, a: { organizationId: string }, ctx: Context) => ctx.transact((unit) => closeOrganizationMembership(unit, a.organizationId)),
  checkInMigrant: async (_: unknown, a: { memberId: string; organizationId: string; checkedInOn?: string | null }, ctx: Context) => {
    const member = await existing(ctx.loaders.member, 'Member', a.memberId, 'memberId');
    if (!(ctx.actor.role === 'MEMBER' && ctx.actor.memberId === member.id)) await ctx.access.requireManagerOf(check.uuid('organizationId', a.organizationId));
    return ctx.transact((unit) => checkInMigrant(unit, ctx.peers, a.memberId, a.organizationId, a.checkedInOn));
  },
};
