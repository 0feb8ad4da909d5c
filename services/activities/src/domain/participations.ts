import { check, ConflictError, msg, NotFoundError, now, useCase, type DomainEvent } from '@cpb/kit';
import type { EntityManager } from 'typeorm';
import { ActivityStore } from '../data/activity-store';
import { ParticipationStore } from '../data/participation-store';
import type { Activity, Participation } from '../entities';
import { participationEvents } from '../events';
import { checkCheckIn, checkCheckOut, readMoment, requirePublished, signUpRefusal } from './activity-rules';
import type { Change } from './policy';
import { knownActivity, type Services } from './services';

type ParticipantArgs = { activityId: string; memberId: string; at?: string | null };

function readIds(args: ParticipantArgs) {
  return { activityId: check.uuid('activityId', args.activityId), memberId: check.uuid('memberId', args.memberId) };
}

async function lockActivity(tx: EntityManager, id: string, mode: 'update' | 'share'): Promise<Activity> {
  const activity = await new ActivityStore(tx).lock(id, mode);
  if (!activity) throw new NotFoundError('Activity', id, 'activityId');
  return activity;
}

/** The member themself, or a manager of the activity's organiser (read outside the transaction). */
async function permitParticipant(services: Services, change: Change, args: ParticipantArgs) {
  const ids = readIds(args);
  const activity = await knownActivity(services, ids.activityId, 'activityId');
  await services.policy.permit(change, { organizationId: activity.organizerId, memberId: ids.memberId });
  return ids;
}

const alreadySignedUp = () => new ConflictError(msg('signUp.already'));

/**
 * Signs a member up. The place is taken by one conditional UPDATE (published, not started, a place
 * left) in the same transaction as the participation row, so the database, not a read before the
 * write, keeps the capacity: 50 concurrent sign-ups for 10 places give 10 sign-ups and 40 refusals.
 */
export const signUp = useCase({
  authorize: (services: Services, args: ParticipantArgs) => permitParticipant(services, 'signUp', args),
  async gather({ peers }: Services, ids) {
    await peers.require('Member', [ids.memberId], 'memberId');
    return ids;
  },
  async change({ tx, outbox }, ids) {
    const store = new ParticipationStore(tx);
    // Only to word the refusal: a member asking twice hears "already signed up", not "full".
    const existing = await store.current(ids.activityId, ids.memberId);
    if (existing && existing.status !== 'CANCELLED') throw alreadySignedUp();
    if (!(await store.takePlace(ids.activityId))) {
      const activity = await new ActivityStore(tx).find(ids.activityId);
      throw activity ? signUpRefusal(activity, now()) : new NotFoundError('Activity', ids.activityId, 'activityId');
    }
    // The unique (activity, member) key decides a race between two sign-ups of one member.
    const participation = await store.signUp(ids.activityId, ids.memberId);
    if (!participation) throw alreadySignedUp();
    await outbox.emit(participationEvents.signedUp(participation));
    return participation;
  },
});

/** Withdraws a sign-up before the start, giving the place back. */
export const cancelSignUp = useCase({
  authorize: (services: Services, args: ParticipantArgs) => permitParticipant(services, 'cancelSignUp', args),
  async change({ tx, outbox }, ids) {
    const activity = await lockActivity(tx, ids.activityId, 'update');
    requirePublished(activity, 'WITHDRAW_SIGN_UP');
    if (activity.startsAt <= now()) throw new ConflictError(msg('signUp.startedNoWithdrawal', { title: activity.title }));
    const store = new ParticipationStore(tx);
    const participation = await store.withdraw(ids.activityId, ids.memberId);
    if (!participation) throw new ConflictError(msg('signUp.noneOpen'));
    await store.releasePlace(ids.activityId);
    await outbox.emit(participationEvents.cancelled(participation));
    return participation;
  },
});

type AttendanceRule = (activity: Activity, participation: Participation | null, at: Date) => asserts participation is Participation;
interface AttendanceStep {
  rule: AttendanceRule;
  write(store: ParticipationStore, participationId: string, at: Date): Promise<Participation>;
  event(participation: Participation, at: Date): DomainEvent;
}

const checkingIn: AttendanceStep = {
  rule: checkCheckIn,
  write: (store, id, at) => store.checkIn(id, at),
  event: participationEvents.checkedIn,
};
const checkingOut: AttendanceStep = {
  rule: checkCheckOut,
  write: (store, id, at) => store.checkOut(id, at),
  event: participationEvents.checkedOut,
};

/** Organisers record attendance (a member does not check themselves in). */
function recordAttendance(change: 'checkIn' | 'checkOut', step: AttendanceStep) {
  return useCase({
    async authorize(services: Services, args: ParticipantArgs) {
      const ids = readIds(args);
      const moment = readMoment(args.at, now());
      await services.policy.permit(change, { organizationId: (await knownActivity(services, ids.activityId, 'activityId')).organizerId });
      return { ...ids, moment };
    },
    async change({ tx, outbox }, { activityId, memberId, moment }) {
      // FOR SHARE: check-ins run side by side but never inside a completion or cancellation.
      const activity = await lockActivity(tx, activityId, 'share');
      const store = new ParticipationStore(tx);
      const participation = await store.lock(activityId, memberId);
      step.rule(activity, participation, moment);
      const recorded = await step.write(store, participation.id, moment);
      await outbox.emit(step.event(recorded, moment));
      return recorded;
    },
  });
}

/** Checks a signed-up member in within the activity's window (see activity-rules.ts). */
export const checkIn = recordAttendance('checkIn', checkingIn);

export const checkOut = recordAttendance('checkOut', checkingOut);
