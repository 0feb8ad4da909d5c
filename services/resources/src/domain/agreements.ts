import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, today, translateConstraint, useCase, ValidationError } from '@cpb/kit';
import { AgreementStore } from '../data/agreement-store';
import type { Agreement, AgreementTerminationReason, Commitment, CommitmentStatus } from '../entities';
import { agreementEvents } from '../events';
import { expireAgreements } from './agreement-expiry';
import { checkCommitment, checkInForce, checkProgress, checkValidity, sixOnes, type CommitmentDraft } from './agreement-rules';
import { memberNames, requireMembers } from './peer-facts';
import type { Services } from './services';

export interface SignAgreementInput {
  communityId: string;
  partnerUnitId: string;
  title: string;
  signedOn?: string | null;
  validFrom?: string | null;
  validTo: string;
  communityLiaisonId: string;
  unitLiaisonId: string;
  /** Omitted: the six ones (六个一) of each side. */
  commitments?: CommitmentDraft[] | null;
}

const MAX_COMMITMENTS = 50;

/**
 * The community's Party organisation and a resident unit sign a co-building agreement (结对共建).
 * At most one is active per community-unit pair: a lapsed one is marked expired first, and the
 * partial unique index refuses a second active one, even when two signings race.
 */
export const signAgreement = useCase({
  async authorize({ policy }: Services, { input }: { input: SignAgreementInput }) {
    policy.permit('signAgreement');
    await policy.community(input.communityId);
    const on = today();
    const communityId = check.uuid('communityId', input.communityId);
    const partnerUnitId = check.uuid('partnerUnitId', input.partnerUnitId);
    const communityLiaisonId = check.uuid('communityLiaisonId', input.communityLiaisonId);
    const unitLiaisonId = check.uuid('unitLiaisonId', input.unitLiaisonId);
    if (communityLiaisonId === unitLiaisonId) throw new ValidationError('unitLiaisonId', msg('agreement.sameLiaison'));
    const title = check.name('title', input.title, 100);
    const signedOn = input.signedOn ?? on;
    const validity = checkValidity({ signedOn, validFrom: input.validFrom ?? signedOn, validTo: input.validTo }, on);
    if (input.commitments && (input.commitments.length < 1 || input.commitments.length > MAX_COMMITMENTS)) {
      throw new ValidationError('commitments', msg('agreement.commitmentCount', { max: MAX_COMMITMENTS }));
    }
    const drafts = input.commitments
      ? input.commitments.map((c, i) => checkCommitment(c, validity, `commitments[${i}]`))
      : sixOnes(validity.validFrom, validity.validTo);
    return { today: on, communityId, partnerUnitId, communityLiaisonId, unitLiaisonId, title, validity, drafts };
  },
  async gather({ peers }: Services, signing) {
    const { communityId, partnerUnitId, communityLiaisonId, unitLiaisonId } = signing;
    const [community] = await peers.require('Community', [communityId], 'communityId');
    if (!community.partyOrganizationId) throw new ConflictError(msg('agreement.communityWithoutOrganization', { name: community.name }));
    const [unit] = await peers.require('ResidentUnit', [partnerUnitId], 'partnerUnitId');
    const liaisons = await requireMembers(peers, { communityLiaisonId, unitLiaisonId });
    return { ...signing, community: { name: community.name, organizationId: community.partyOrganizationId }, unit, liaisons };
  },
  async change(
    { tx, outbox },
    { today: on, communityId, partnerUnitId, communityLiaisonId, unitLiaisonId, title, validity, drafts, community, unit, liaisons },
  ) {
    const agreement: Agreement = {
      id: randomUUID(),
      communityId,
      communityOrganizationId: community.organizationId,
      partnerUnitId,
      partnerOrganizationId: unit.partyOrganizationId,
      title,
      ...validity,
      status: 'ACTIVE',
      communityLiaisonId,
      unitLiaisonId,
      terminatedOn: null,
      terminationReason: null,
      terminationReasonCode: null,
      renewsId: null,
    };
    const commitments: Commitment[] = drafts.map((d, i) => ({
      id: randomUUID(),
      agreementId: agreement.id,
      position: i + 1,
      ...d,
      status: 'PENDING',
      completedOn: null,
    }));
    const store = new AgreementStore(tx);
    await expireAgreements({ tx, outbox }, on, { pair: { communityId, partnerUnitId } });
    await store.insert(agreement).catch((error: unknown) =>
      translateConstraint(error, {
        agreement_one_active_per_pair_idx: () =>
          new ConflictError(msg('agreement.activePairExists', { community: community.name, unit: unit.name })),
      }),
    );
    await store.insertCommitments(commitments);
    await outbox.emit(
      agreementEvents.signed(agreement, commitments.length, liaisons),
      ...commitments.map((c) => agreementEvents.commitmentAdded(c, liaisons)),
    );
    return agreement;
  },
});

async function requireAgreement(store: AgreementStore, id: string, field: string): Promise<Agreement> {
  const agreement = await store.lock(check.uuid(field, id));
  if (!agreement) throw new NotFoundError('Agreement', id, field);
  return agreement;
}

/** Adds a commitment to an agreement in force (e.g. next year's items after the yearly review). */
export const addCommitment = useCase({
  async authorize(services: Services, args: { agreementId: string; input: CommitmentDraft }) {
    await services.policy.communityRecord('addCommitment', () =>
      loadExisting(services.loaders.agreement, 'Agreement', args.agreementId, 'agreementId'),
    );
    return args;
  },
  async change({ tx, outbox }, { agreementId, input }) {
    const store = new AgreementStore(tx);
    const agreement = await requireAgreement(store, agreementId, 'agreementId');
    checkInForce(agreement, today());
    const checked = checkCommitment(input, agreement, 'input');
    const commitment: Commitment = {
      id: randomUUID(),
      agreementId: agreement.id,
      position: await store.nextPosition(agreement.id),
      ...checked,
      status: 'PENDING',
      completedOn: null,
    };
    await store.insertCommitments([commitment]);
    await outbox.emit(agreementEvents.commitmentAdded(commitment));
    return commitment;
  },
});

/** Records progress on a commitment with a note; DONE is final and dates the completion. */
export const progressCommitment = useCase({
  async authorize({ policy, loaders }: Services, args: { commitmentId: string; status: CommitmentStatus; note: string }) {
    policy.permit('progressCommitment');
    const commitment = await loadExisting(loaders.commitment, 'Commitment', args.commitmentId, 'commitmentId');
    await policy.agreementParty(await loadExisting(loaders.agreement, 'Agreement', commitment.agreementId, 'commitmentId'));
    return args;
  },
  async change({ tx, outbox }, { commitmentId, status, note }) {
    const on = today();
    const store = new AgreementStore(tx);
    const found = await store.lockCommitment(check.uuid('commitmentId', commitmentId));
    if (!found) throw new NotFoundError('Commitment', commitmentId, 'commitmentId');
    checkInForce(found.agreement, on);
    const next = checkProgress(found.commitment, status);
    const text = check.name('note', note, 500);
    const completedOn = next === 'DONE' ? on : null;
    await store.setCommitmentStatus(found.commitment.id, next, completedOn);
    await store.insertNote({ id: randomUUID(), commitmentId: found.commitment.id, status: next, note: text, recordedOn: on });
    await outbox.emit(agreementEvents.commitmentProgressed(found.commitment, next, on));
    return { ...found.commitment, status: next, completedOn };
  },
});

/**
 * Ends an agreement in force before its validTo, with the reason: its category travels in events, its
 * text stays here, and what of it travels (the deprecated v1 event) has the liaisons' names scrubbed.
 */
export const terminateAgreement = useCase({
  async authorize(
    services: Services,
    args: { id: string; reason: string; terminatedOn?: string | null; reasonCode?: AgreementTerminationReason | null },
  ) {
    const agreement = await services.policy.communityRecord('terminateAgreement', () =>
      loadExisting(services.loaders.agreement, 'Agreement', args.id, 'id'),
    );
    return { ...args, reasonCode: args.reasonCode ?? 'OTHER', liaisonIds: [agreement.communityLiaisonId, agreement.unitLiaisonId] };
  },
  async gather({ peers }: Services, termination) {
    // The liaisons never change after signing: their names are asked before the transaction.
    return { ...termination, liaisons: await memberNames(peers, termination.liaisonIds) };
  },
  async change({ tx, outbox }, { id, reason, terminatedOn, reasonCode, liaisons }) {
    const on = today();
    const store = new AgreementStore(tx);
    const agreement = await requireAgreement(store, id, 'id');
    checkInForce(agreement, on);
    const why = check.name('reason', reason, 500);
    const ended = check.isoDate('terminatedOn', terminatedOn ?? on);
    if (ended > on) throw new ValidationError('terminatedOn', msg('date.notInFuture', { field: 'terminatedOn' }));
    if (ended < agreement.signedOn)
      throw new ValidationError('terminatedOn', msg('agreement.terminatedBeforeSigned', { signedOn: agreement.signedOn }));
    const terminated: Agreement = {
      ...agreement,
      status: 'TERMINATED',
      terminatedOn: ended,
      terminationReason: why,
      terminationReasonCode: reasonCode,
    };
    await store.terminate(terminated);
    await outbox.emit(...agreementEvents.terminated(terminated, liaisons));
    return terminated;
  },
});
