import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, todayIso, translateConstraint, type Peers, type UnitOfWork } from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { MembershipStore } from '../data/membership-store';
import type { CommunityRegistration, FeedbackRating, RegistrationFeedback } from '../entities';
import { registrationEvents } from '../events';
import { checkActionDate } from './membership-rules';
import { requireEntity } from './peer-facts';

const oneActiveRegistration = { registration_one_active_per_member_idx: () => new ConflictError('This member is already registered with a community: end that registration first') };

/**
 * An employed member (在职党员) registers with the community where they live (到社区报到) and comes
 * under dual management; one active registration per member.
 */
export async function registerWithCommunity({ tx, outbox }: UnitOfWork, peers: Peers, memberId: string, communityId?: string | null, registeredOn?: string | null): Promise<CommunityRegistration> {
  const id = check.uuid('memberId', memberId);
  const requested = communityId ? check.uuid('communityId', communityId) : null;
  const member = await new MemberStore(tx).lockMember(id);
  if (!member) throw new NotFoundError('Member', id, 'memberId');
  if (member.category !== 'EMPLOYED') throw new ConflictError(`${member.name} is not an employed member (在职党员): only employed members register with a community`);
  const community = requested ?? member.residenceCommunityId;
  if (!community) throw new ConflictError(`${member.name} has no residence community: record where they live first`);
  if (member.residenceCommunityId && community !== member.residenceCommunityId) {
    throw new ConflictError(`${member.name} lives in another community: members register where they live (update residenceCommunity first)`);
  }
  await requireEntity(peers, 'Community', community, 'communityId');
  const on = checkActionDate('registeredOn', registeredOn ?? todayIso(), todayIso(), { date: member.joinedOn, what: 'joining' });
  const store = new MembershipStore(tx);
  if (await store.activeRegistrationOf(id)) throw oneActiveRegistration.registration_one_active_per_member_idx();
  const registration: CommunityRegistration = { id: randomUUID(), memberId: id, communityId: community, workUnitId: member.workUnitId, status: 'ACTIVE', registeredOn: on, endedOn: null };
  await store.insertRegistration(registration).catch((error: unknown) => translateConstraint(error, oneActiveRegistration));
  await outbox.emit(registrationEvents.registered(registration));
  return registration;
}

async function lockActiveRegistration(store: MembershipStore, tx: UnitOfWork['tx'], id: string, field: string): Promise<CommunityRegistration> {
  const registrationId = check.uuid(field, id);
  const found = await store.findRegistration(registrationId);
  if (!found) throw new NotFoundError('CommunityRegistration', registrationId, field);
  await new MemberStore(tx).lockMember(found.memberId);
  const registration = (await store.lockRegistration(registrationId))!;
  if (registration.status !== 'ACTIVE') throw new ConflictError(`The registration ended on ${registration.endedOn}`);
  return registration;
}

export async function endRegistration({ tx, outbox }: UnitOfWork, id: string, endedOn?: string | null): Promise<CommunityRegistration> {
  const store = new MembershipStore(tx);
  const registration = await lockActiveRegistration(store, tx, id, 'id');
  const on = checkActionDate('endedOn', endedOn ?? todayIso(), todayIso(), { date: registration.registeredOn, what: 'the registration' });
  await store.endRegistration(registration.id, on);
  await outbox.emit(registrationEvents.ended(registration, on));
  return { ...registration, status: 'ENDED', endedOn: on };
}

/** The community's feedback on a registered member's conduct, for the work unit (双向反馈); only while registered. */
export async function recordFeedback({ tx, outbox }: UnitOfWork, registrationId: string, rating: FeedbackRating, comment: string): Promise<RegistrationFeedback> {
  const store = new MembershipStore(tx);
  const registration = await lockActiveRegistration(store, tx, registrationId, 'registrationId');
  const feedback: RegistrationFeedback = { id: randomUUID(), registrationId: registration.id, rating, comment: check.name('comment', comment, 500), recordedOn: todayIso() };
  await store.insertFeedback(feedback);
  await outbox.emit(registrationEvents.feedbackRecorded(registration, feedback));
  return feedback;
}
