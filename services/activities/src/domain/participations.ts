import { check, ConflictError, NotFoundError, type DomainEvent } from '@cpb/kit';
import type { EntityManager } from 'typeorm';
import { ActivityStore } from '../data/activity-store';
import { ParticipationStore } from '../data/participation-store';
import type { Activity, Participation } from '../entities';
import { participationEvents } from '../events';
import { checkCheckIn, checkCheckOut, readMoment, requirePublished, signUpRefusal } from './activity-rules';
import { authorizeSelfOrManaging, knownActivity, managedActivity } from './authorization';
import { requireMembers } from './peer-checks';
import type { Services } from './services';

function readIds(activityId: string, memberId: string) {
  return { activityId: check.uuid('activityId', activityId), memberId: check.uuid('memberId', memberId) };
}

async function lockActivity(tx: EntityManager, id: string, mode: 'update' | 'share'): Promise<Activity> {
  const activity = await new ActivityStore(tx).lock(id, mode);
  if (!activity) throw new NotFoundError('Activity', id, 'activityId');
  return activity;
}

const alreadySignedUp = () => new ConflictError('The member is already signed up for this activity');

/**
 * Signs a member up. The place is taken by one conditional UPDATE (published, not started, a place
 * left) in the same transaction as the participation row, so the database, not a read before the
 * write, keeps the capacity: 50 concurrent sign-ups for 10 places give 10 sign-ups and 40 refusals.
 */
export async function signUp(services: Services, activityId: string, memberId: string): Promise<Participation> {
  const { transact, peers, actor } = services;
  const ids = readIds(activityId, memberId);
  await authorizeSelfOrManaging(actor, peers, ids.memberId, (await knownActivity(services, ids.activityId, 'activityId')).organizerId);
  await requireMembers(peers, [ids.memberId], 'memberId');
  return transact(async ({ tx, outbox }) => {
    const store = new ParticipationStore(tx);
    // Only to word the refusal: a member asking twice hears "already signed up", not "full".
    const existing = await store.current(ids.activityId, ids.memberId);
    if (existing && existing.status !== 'CANCELLED') throw alreadySignedUp();
    if (!(await store.takePlace(ids.activityId))) {
      const activity = await new ActivityStore(tx).find(ids.activityId);
      throw activity ? signUpRefusal(activity, new Date()) : new NotFoundError('Activity', ids.activityId, 'activityId');
    }
    // The unique (activity, member) key decides a race between two sign-ups of one member.
    const participation = await store.signUp(ids.activityId, ids.memberId);
    if (!participation) throw alreadySignedUp();
    await outbox.emit(participationEvents.signedUp(participation));
    return participation;
  });
}

/** Withdraws a sign-up before the start, giving the place back. */
export async function cancelSignUp(services: Services, activityId: string, memberId: string): Promise<Participation> {
  const { transact, peers, actor } = services;
  const ids = readIds(activityId, memberId);
  await authorizeSelfOrManaging(actor, peers, ids.memberId, (await knownActivity(services, ids.activityId, 'activityId')).organizerId);
  return transact(async ({ tx, outbox }) => {
    const activity = await lockActivity(tx, ids.activityId, 'update');
    requirePublished(activity, 'withdraw a sign-up');
    if (activity.startsAt <= new Date()) throw new ConflictError(`Activity "${activity.title}" has already started: sign-ups can no longer be withdrawn`);
    const store = new ParticipationStore(tx);
    const participation = await store.withdraw(ids.activityId, ids.memberId);
    if (!participation) throw new ConflictError('The member has no open sign-up for this activity');
    await store.releasePlace(ids.activityId);
    await outbox.emit(participationEvents.cancelled(participation));
    return participation;
  });
}

type AttendanceRule = (activity: Activity, participation: Participation | null, at: Date) => asserts participation is Participation;
interface AttendanceStep {
  rule: AttendanceRule;
  write(store: ParticipationStore, participationId: string, at: Date): Promise<Participation>;
  event(participation: Participation, at: Date): DomainEvent;
}

const checkingIn: AttendanceStep = { rule: checkCheckIn, write: (store, id, at) => store.checkIn(id, at), event: participationEvents.checkedIn };
const checkingOut: AttendanceStep = { rule: checkCheckOut, write: (store, id, at) => store.checkOut(id, at), event: participationEvents.checkedOut };

/** Organisers record attendance (a member does not check themselves in). */
async function recordAttendance(services: Services, step: AttendanceStep, activityId: string, memberId: string, at?: string | null): Promise<Participation> {
  const ids = readIds(activityId, memberId);
  const moment = readMoment(at, new Date());
  await managedActivity(services, ids.activityId, 'activityId');
  const { transact } = services;
  return transact(async ({ tx, outbox }) => {
    // FOR SHARE: check-ins run side by side but never inside a completion or cancellation.
    const activity = await lockActivity(tx, ids.activityId, 'share');
    const store = new ParticipationStore(tx);
    const participation = await store.lock(ids.activityId, ids.memberId);
    step.rule(activity, participation, moment);
    const recorded = await step.write(store, participation.id, moment);
    await outbox.emit(step.event(recorded, moment));
    return recorded;
  });
}

/** Checks a signed-up member in within the activity's window (see activity-rules.ts). */
export function checkIn(services: Services, activityId: string, memberId: string, at?: string | null): Promise<Participation> {
  return recordAttendance(services, checkingIn, activityId, memberId, at);
}

export function checkOut(services: Services, activityId: string, memberId: string, at?: string | null): Promise<Participation> {
  return recordAttendance(services, checkingOut, activityId, memberId, at);
}
