import { readsPersons } from '@cpb/kit';
import type { Context } from '../context';
import { effectiveStatus, reviewYear } from '../domain/agreement-rules';
import type { Agreement as AgreementRecord, Commitment as CommitmentRecord } from '../entities';

export const Agreement = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.agreement.load(id),
  community: (a: AgreementRecord) => ({ id: a.communityId }),
  communityOrganization: (a: AgreementRecord) => ({ id: a.communityOrganizationId }),
  partnerUnit: (a: AgreementRecord) => ({ id: a.partnerUnitId }),
  partnerOrganization: (a: AgreementRecord) => (a.partnerOrganizationId ? { id: a.partnerOrganizationId } : null),
  status: (a: AgreementRecord, _: unknown, ctx: Context) => effectiveStatus(a, ctx.today),
  communityLiaison: (a: AgreementRecord) => ({ id: a.communityLiaisonId }),
  unitLiaison: (a: AgreementRecord) => ({ id: a.unitLiaisonId }),
  renews: (a: AgreementRecord, _: unknown, ctx: Context) => (a.renewsId ? ctx.loaders.agreement.load(a.renewsId) : null),
  renewedBy: (a: AgreementRecord, _: unknown, ctx: Context) => ctx.loaders.renewalOfAgreement.load(a.id),
  commitments: (a: AgreementRecord, _: unknown, ctx: Context) => ctx.loaders.commitmentsOfAgreement.load(a.id),
  review: async (a: AgreementRecord, { year }: { year: number }, ctx: Context) =>
    reviewYear(await ctx.loaders.commitmentsOfAgreement.load(a.id), year, ctx.today),
  // Typed by staff, it may name people (a liaison who left): not for analysts, who have the category.
  terminationReason: (a: AgreementRecord, _: unknown, ctx: Context) => (readsPersons(ctx.actor) ? a.terminationReason : null),
};

export const Commitment = {
  agreement: (c: CommitmentRecord, _: unknown, ctx: Context) => ctx.loaders.agreement.load(c.agreementId),
  progressNotes: (c: CommitmentRecord, _: unknown, ctx: Context) => ctx.loaders.notesOfCommitment.load(c.id),
};
