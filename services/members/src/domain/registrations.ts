import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, today, translateConstraint, useCase, type UnitOfWork } from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { MembershipStore } from '../data/membership-store';
import type { CommunityRegistration, FeedbackRating, Member, RegistrationFeedback } from '../entities';
import { registrationEvents } from '../events';
import { checkActionDate } from './membership-rules';
import type { Services } from './services';

const oneActiveRegistration = { registration_one_active_per_member_idx: () => new ConflictError(msg('registration.alreadyActive')) };

/** The community an employed member (在职党员) registers with: where they live, and only as an employed member. */
function registrationCommunity(member: Member, requested: string | null): string {
  if (member.category !== 'EMPLOYED') throw new ConflictError(msg('registration.notEmployed', { name: member.name }));
  const community = requested ?? member.residenceCommunityId;
  if (!community) throw new ConflictError(msg('registration.noResidence', { name: member.name }));
  if (member.residenceCommunityId && community !== member.residenceCommunityId) {
    throw new ConflictError(msg('registration.otherCommunity', { name: member.name }));
  }
  return community;
}

/** The member (read outside the transaction) acting for themself, or a manager of the member's organisation. */
async function permittedMember(
  { policy, loaders }: Services,
  change: 'registerWithCommunity' | 'endRegistration',
  id: string,
  field: string,
): Promise<Member> {
  const member = await loadExisting(loaders.member, 'Member', id, field);
  await policy.permit(change, { organizationId: member.organizationId, memberId: member.id });
  return member;
}

/**
 * An employed member (在职党员) registers with the community where they live (到社区报到) and comes
 * under dual management; one active registration per member. The rules are worded on the member as
 * read before the transaction (organizations is asked about the community then) and decided again
 * on the member's locked row.
 */
export const registerWithCommunity = useCase({
  async authorize(services: Services, args: { memberId: string; communityId?: string | null; registeredOn?: string | null }) {
    const member = await permittedMember(services, 'registerWithCommunity', args.memberId, 'memberId');
    return { member, requested: args.communityId ? check.uuid('communityId', args.communityId) : null, registeredOn: args.registeredOn };
  },
  async gather({ peers }: Services, registering) {
    await peers.require('Community', [registrationCommunity(registering.member, registering.requested)], 'communityId');
    return registering;
  },
  async change({ tx, outbox }, { member: known, requested, registeredOn }) {
    const member = await new MemberStore(tx).lockMember(known.id);
    if (!member) throw new NotFoundError('Member', known.id, 'memberId');
    const community = registrationCommunity(member, requested);
    const on = checkActionDate('registeredOn', registeredOn ?? today(), today(), { date: member.joinedOn, what: 'JOINING' });
    const store = new MembershipStore(tx);
    if (await store.activeRegistrationOf(member.id)) throw oneActiveRegistration.registration_one_active_per_member_idx();
    const registration: CommunityRegistration = {
      id: randomUUID(),
      memberId: member.id,
      communityId: community,
      workUnitId: member.workUnitId,
      status: 'ACTIVE',
      registeredOn: on,
      endedOn: null,
    };
    await store.insertRegistration(registration).catch((error: unknown) => translateConstraint(error, oneActiveRegistration));
    await outbox.emit(registrationEvents.registered(registration));
    return registration;
  },
});

/** The registration, locked after its member's row (the order every use case keeps); it must still be active. */
async function lockActiveRegistration(
  tx: UnitOfWork['tx'],
  known: CommunityRegistration,
): Promise<{ registration: CommunityRegistration; store: MembershipStore }> {
  const store = new MembershipStore(tx);
  await new MemberStore(tx).lockMember(known.memberId);
  const registration = await store.lockRegistration(known.id);
  if (!registration) throw new NotFoundError('CommunityRegistration', known.id, 'id');
  if (registration.status !== 'ACTIVE') throw new ConflictError(msg('registration.ended', { endedOn: registration.endedOn ?? '' }));
  return { registration, store };
}

export const endRegistration = useCase({
  async authorize(services: Services, args: { id: string; endedOn?: string | null }) {
    const known = await loadExisting(services.loaders.registration, 'CommunityRegistration', args.id, 'id');
    await permittedMember(services, 'endRegistration', known.memberId, 'id');
    return { known, endedOn: args.endedOn };
  },
  async change({ tx, outbox }, { known, endedOn }) {
    const { registration, store } = await lockActiveRegistration(tx, known);
    const on = checkActionDate('endedOn', endedOn ?? today(), today(), { date: registration.registeredOn, what: 'REGISTRATION' });
    await store.endRegistration(registration.id, on);
    await outbox.emit(registrationEvents.ended(registration, on));
    return { ...registration, status: 'ENDED' as const, endedOn: on };
  },
});

/** The community's feedback on a registered member's conduct, for the work unit (双向反馈); only while registered. */
export const recordFeedback = useCase({
  async authorize({ policy, loaders }: Services, args: { registrationId: string; rating: FeedbackRating; comment: string }) {
    const known = await loadExisting(loaders.registration, 'CommunityRegistration', args.registrationId, 'registrationId');
    await policy.permitCommunity('recordFeedback', known.communityId);
    return { known, rating: args.rating, comment: args.comment };
  },
  async change({ tx, outbox }, { known, rating, comment }) {
    const { registration, store } = await lockActiveRegistration(tx, known);
    const feedback: RegistrationFeedback = {
      id: randomUUID(),
      registrationId: registration.id,
      rating,
      comment: check.name('comment', comment, 500),
      recordedOn: today(),
    };
    await store.insertFeedback(feedback);
    await outbox.emit(registrationEvents.feedbackRecorded(registration, feedback));
    return feedback;
  },
});
