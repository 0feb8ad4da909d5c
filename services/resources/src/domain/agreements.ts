import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, ValidationError, translateConstraint, type Peers, type UnitOfWork } from '@cpb/kit';
import { AgreementStore } from '../data/agreement-store';
import type { Agreement, AgreementTerminationReason, Commitment, CommitmentStatus } from '../entities';
import { agreementEvents } from '../events';
import { checkCommitment, checkInForce, checkProgress, checkValidity, sixOnes, type CommitmentDraft } from './agreement-rules';
import { localToday } from './local-time';
import { community as communityFacts, memberNames, requireMembers, residentUnits } from './peer-facts';
import { mayManageCoBuilding, mayOfferAndBook } from './policy';
import { requireCommunityInScope } from './scope';

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
export async function signAgreement({ tx, outbox, actor }: UnitOfWork, peers: Peers, input: SignAgreementInput, today = localToday()): Promise<Agreement> {
  mayManageCoBuilding(actor);
  await requireCommunityInScope(actor, peers, input.communityId);
  const communityId = check.uuid('communityId', input.communityId);
  const partnerUnitId = check.uuid('partnerUnitId', input.partnerUnitId);
  const communityLiaisonId = check.uuid('communityLiaisonId', input.communityLiaisonId);
  const unitLiaisonId = check.uuid('unitLiaisonId', input.unitLiaisonId);
  if (communityLiaisonId === unitLiaisonId) throw new ValidationError('unitLiaisonId', 'Each side names its own liaison (联络员)');
  const title = check.name('title', input.title, 100);
  const signedOn = input.signedOn ?? today;
  const validity = checkValidity({ signedOn, validFrom: input.validFrom ?? signedOn, validTo: input.validTo }, today);
  if (input.commitments && (input.commitments.length < 1 || input.commitments.length > MAX_COMMITMENTS)) {
    throw new ValidationError('commitments', `Give 1 to ${MAX_COMMITMENTS} commitments, or none for the six ones (六个一) of each side`);
  }
  const drafts = input.commitments ? input.commitments.map((c, i) => checkCommitment(c, validity, `commitments[${i}]`)) : sixOnes(validity.validFrom, validity.validTo);

  const community = await communityFacts(peers, communityId, 'communityId');
  if (!community.partyOrganization) throw new ConflictError(`${community.name} has no Party organisation to sign for it`);
  const unit = (await residentUnits(peers, [partnerUnitId], 'partnerUnitId')).get(partnerUnitId)!;
  const liaisons = await requireMembers(peers, { communityLiaisonId, unitLiaisonId });

  const agreement: Agreement = {
    id: randomUUID(), communityId, communityOrganizationId: community.partyOrganization.id, partnerUnitId, partnerOrganizationId: unit.partyOrganization?.id ?? null,
    title, ...validity, status: 'ACTIVE', communityLiaisonId, unitLiaisonId, terminatedOn: null, terminationReason: null, terminationReasonCode: null,
  };
  const commitments: Commitment[] = drafts.map((d, i) => ({ id: randomUUID(), agreementId: agreement.id, position: i + 1, ...d, status: 'PENDING', completedOn: null }));
  const store = new AgreementStore(tx);
  await store.expireLapsed(communityId, partnerUnitId, today);
  await store.insert(agreement).catch((error: unknown) =>
    translateConstraint(error, { agreement_one_active_per_pair_idx: () => new ConflictError(`${community.name} and ${unit.name} already have an active co-building agreement`) }),
  );
  await store.insertCommitments(commitments);
  await outbox.emit(agreementEvents.signed(agreement, commitments.length, liaisons), ...commitments.map((c) => agreementEvents.commitmentAdded(c, liaisons)));
  return agreement;
}

async function requireAgreement(store: AgreementStore, id: string, field: string): Promise<Agreement> {
  const agreement = await store.lock(check.uuid(field, id));
  if (!agreement) throw new NotFoundError('Agreement', id, field);
  return agreement;
}

/** Adds a commitment to an agreement in force (e.g. next year's items after the yearly review). */
export async function addCommitment({ tx, outbox, actor }: UnitOfWork, agreementId: string, draft: CommitmentDraft, today = localToday()): Promise<Commitment> {
  mayManageCoBuilding(actor);
  const store = new AgreementStore(tx);
  const agreement = await requireAgreement(store, agreementId, 'agreementId');
  checkInForce(agreement, today);
  const checked = checkCommitment(draft, agreement, 'input');
  const commitment: Commitment = { id: randomUUID(), agreementId: agreement.id, position: await store.nextPosition(agreement.id), ...checked, status: 'PENDING', completedOn: null };
  await store.insertCommitments([commitment]);
  await outbox.emit(agreementEvents.commitmentAdded(commitment));
  return commitment;
}

/** Records progress on a commitment with a note; DONE is final and dates the completion. */
export async function progressCommitment({ tx, outbox, actor }: UnitOfWork, commitmentId: string, status: CommitmentStatus, note: string, today = localToday()): Promise<Commitment> {
  mayOfferAndBook(actor);
  const store = new AgreementStore(tx);
  const found = await store.lockCommitment(check.uuid('commitmentId', commitmentId));
  if (!found) throw new NotFoundError('Commitment', commitmentId, 'commitmentId');
  checkInForce(found.agreement, today);
  const next = checkProgress(found.commitment, status);
  const text = check.name('note', note, 500);
  const completedOn = next === 'DONE' ? today : null;
  await store.setCommitmentStatus(found.commitment.id, next, completedOn);
  await store.insertNote({ id: randomUUID(), commitmentId: found.commitment.id, status: next, note: text, recordedOn: today });
  await outbox.emit(agreementEvents.commitmentProgressed(found.commitment, next, today));
  return { ...found.commitment, status: next, completedOn };
}

/**
 * Ends an agreement in force before its validTo, with the reason: its category travels in events, its
 * text stays here, and what of it travels (the deprecated v1 event) has the liaisons' names scrubbed.
 */
export async function terminateAgreement(
  { tx, outbox, actor }: UnitOfWork, peers: Peers, id: string, reason: string, terminatedOn?: string | null, reasonCode: AgreementTerminationReason = 'OTHER', today = localToday(),
): Promise<Agreement> {
  mayManageCoBuilding(actor);
  const store = new AgreementStore(tx);
  // Asked of members before the row is locked: never wait on another service while holding a lock.
  const liaisons = await memberNames(peers, await store.liaisonIds(check.uuid('id', id)));
  const agreement = await requireAgreement(store, id, 'id');
  checkInForce(agreement, today);
  const why = check.name('reason', reason, 500);
  const on = check.isoDate('terminatedOn', terminatedOn ?? today);
  if (on > today) throw new ValidationError('terminatedOn', 'terminatedOn cannot be in the future');
  if (on < agreement.signedOn) throw new ValidationError('terminatedOn', `terminatedOn cannot be before the agreement was signed (${agreement.signedOn})`);
  const terminated: Agreement = { ...agreement, status: 'TERMINATED', terminatedOn: on, terminationReason: why, terminationReasonCode: reasonCode };
  await store.terminate(terminated);
  await outbox.emit(...agreementEvents.terminated(terminated, liaisons));
  return terminated;
}
