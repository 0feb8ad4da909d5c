import type { Context } from '../context';
import { admitMember, advanceApplicant, recordApplicant, type RecordApplicantInput } from '../domain/applicants';
import { convertToFullMember, createMember, updateMember, type CreateMemberInput, type UpdateMemberInput } from '../domain/member-records';
import { checkInMigrant } from '../domain/migrant-check-ins';
import { endRegistration, recordFeedback, registerWithCommunity } from '../domain/registrations';
import { approveTransfer, completeTransfer, rejectTransfer, requestTransfer } from '../domain/transfers';
import type { ApplicantStage, FeedbackRating } from '../entities';

/** Thin entry points: each runs one use case in one transaction with its outbox events. */
export const Mutation = {
  createMember: (_: unknown, { input }: { input: CreateMemberInput }, ctx: Context) => ctx.transact((unit) => createMember(unit, ctx.peers, input)),
  updateMember: (_: unknown, a: { id: string; input: UpdateMemberInput }, ctx: Context) => ctx.transact((unit) => updateMember(unit, ctx.peers, a.id, a.input)),
  recordApplicant: (_: unknown, { input }: { input: RecordApplicantInput }, ctx: Context) => ctx.transact((unit) => recordApplicant(unit, ctx.peers, input)),
  advanceApplicant: (_: unknown, a: { id: string; stage: ApplicantStage; on?: string | null }, ctx: Context) => ctx.transact((unit) => advanceApplicant(unit, a.id, a.stage, a.on)),
  admitMember: (_: unknown, a: { applicantId: string; joinedOn?: string | null }, ctx: Context) => ctx.transact((unit) => admitMember(unit, ctx.peers, a.applicantId, a.joinedOn)),
  convertToFullMember: (_: unknown, a: { memberId: string; convertedOn?: string | null }, ctx: Context) => ctx.transact((unit) => convertToFullMember(unit, a.memberId, a.convertedOn)),
  requestTransfer: (_: unknown, a: { memberId: string; toOrganizationId: string; reason: string }, ctx: Context) =>
    ctx.transact((unit) => requestTransfer(unit, ctx.peers, a.memberId, a.toOrganizationId, a.reason)),
  approveTransfer: (_: unknown, a: { id: string }, ctx: Context) => ctx.transact((unit) => approveTransfer(unit, a.id)),
  rejectTransfer: (_: unknown, a: { id: string; reason?: string | null }, ctx: Context) => ctx.transact((unit) => rejectTransfer(unit, a.id, a.reason)),
  completeTransfer: (_: unknown, a: { id: string }, ctx: Context) => ctx.transact((unit) => completeTransfer(unit, ctx.peers, a.id)),
  registerWithCommunity: (_: unknown, a: { memberId: string; communityId?: string | null; registeredOn?: string | null }, ctx: Context) =>
    ctx.transact((unit) => registerWithCommunity(unit, ctx.peers, a.memberId, a.communityId, a.registeredOn)),
  endRegistration: (_: unknown, a: { id: string; endedOn?: string | null }, ctx: Context) => ctx.transact((unit) => endRegistration(unit, a.id, a.endedOn)),
  recordFeedback: (_: unknown, a: { registrationId: string; rating: FeedbackRating; comment: string }, ctx: Context) =>
    ctx.transact((unit) => recordFeedback(unit, a.registrationId, a.rating, a.comment)),
  checkInMigrant: (_: unknown, a: { memberId: string; organizationId: string; checkedInOn?: string | null }, ctx: Context) =>
    ctx.transact((unit) => checkInMigrant(unit, ctx.peers, a.memberId, a.organizationId, a.checkedInOn)),
};
