import { check, ConflictError, msg, ValidationError, type TermValue } from '@cpb/kit';
import type { Activity, Participation, StoredActivityStatus } from '../entities';

/** Check-in opens this long before the start, so members arriving early can be registered. */
export const CHECK_IN_OPENS_MINUTES = 30;
/** An organiser's phone and the server disagree a little about the time; beyond this, "at" is in the future. */
export const CLOCK_SKEW_MS = 60_000;
export const MAX_CAPACITY = 10_000;
/** The longest activity: keeps one attendance's hours meaningful (and within numeric(5,2)). */
export const MAX_LENGTH_HOURS = 7 * 24;

export type ShownStatus = StoredActivityStatus | 'ONGOING';

/** ONGOING is PUBLISHED past its start: it follows from the clock, so nobody has to press "start". */
export function shownStatus(activity: Pick<Activity, 'status' | 'startsAt'>, now: Date): ShownStatus {
  return activity.status === 'PUBLISHED' && activity.startsAt <= now ? 'ONGOING' : activity.status;
}

export function readTitle(title: string): string {
  return check.name('title', title, 100);
}

export function readPlace(place: string | null | undefined): string | null {
  return check.optionalName('place', place, 200);
}

export function readCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    throw new ValidationError('capacity', msg('activity.capacityRange', { max: MAX_CAPACITY }));
  return capacity;
}

/** Start and end as instants; the end comes after the start, within MAX_LENGTH_HOURS. */
export function checkSchedule(startsAt: Date, endsAt: Date): { startsAt: Date; endsAt: Date } {
  if (endsAt <= startsAt) throw new ValidationError('endsAt', msg('date.after', { field: 'endsAt', other: 'startsAt' }));
  if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_HOURS * 3_600_000)
    throw new ValidationError('endsAt', msg('activity.tooLong', { max: MAX_LENGTH_HOURS }));
  return { startsAt, endsAt };
}

/** The moment a check-in or check-out happened: now by default, never in the future. */
export function readMoment(at: string | null | undefined, now: Date): Date {
  if (at == null) return now;
  const moment = check.isoDateTime('at', at);
  if (moment.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new ValidationError('at', msg('date.notInFuture', { field: 'at' }));
  return moment;
}

type Action = TermValue<'activityAction'>;

/** Why an activity that is not PUBLISHED refuses `action`, one message per state it is in. */
const closedBecause = {
  DRAFT: 'activity.notPublishedYet',
  CANCELLED: 'activity.cancelledCannot',
  COMPLETED: 'activity.completedCannot',
} as const satisfies Record<Exclude<StoredActivityStatus, 'PUBLISHED'>, string>;

/** The same, where no action is named: the state alone. */
const closed = { CANCELLED: 'activity.cancelled', COMPLETED: 'activity.completed' } as const;

/** Refuses anything but a PUBLISHED activity, saying what state it is in. */
export function requirePublished(activity: Activity, action: Action): void {
  if (activity.status !== 'PUBLISHED') throw new ConflictError(msg(closedBecause[activity.status], { action, title: activity.title }));
}

/**
 * Why a sign-up (or withdrawal) found no open place: the database refused, this says why. The
 * conditional UPDATE decides; this only explains, so a race here can at worst word the refusal oddly.
 */
export function signUpRefusal(activity: Activity, now: Date, action: Action = 'SIGN_UP'): ConflictError {
  if (activity.status !== 'PUBLISHED') return new ConflictError(msg(closedBecause[activity.status], { action, title: activity.title }));
  if (activity.startsAt <= now) return new ConflictError(msg('activity.startedCannot', { action, title: activity.title }));
  if (activity.signedUpCount >= activity.capacity)
    return new ConflictError(msg('activity.full', { title: activity.title, capacity: activity.capacity }));
  return new ConflictError(msg('activity.changedWhileSigningUp'));
}

/** Check-in: a signed-up member, a published activity, from CHECK_IN_OPENS_MINUTES before the start until its end. */
export function checkCheckIn(activity: Activity, participation: Participation | null, at: Date): asserts participation is Participation {
  requirePublished(activity, 'CHECK_IN');
  const opens = new Date(activity.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000);
  if (at < opens || at > activity.endsAt) {
    throw new ConflictError(
      msg('checkIn.window', { title: activity.title, opens: opens.toISOString(), closes: activity.endsAt.toISOString() }),
    );
  }
  if (!participation || participation.status === 'CANCELLED') throw new ConflictError(msg('checkIn.notSignedUp'));
  if (participation.status !== 'SIGNED_UP')
    throw new ConflictError(msg('checkIn.already', { at: participation.checkedInAt?.toISOString() ?? '' }));
}

/** Check-out: a checked-in member who has not checked out, not before the check-in. */
export function checkCheckOut(activity: Activity, participation: Participation | null, at: Date): asserts participation is Participation {
  requirePublished(activity, 'CHECK_OUT');
  if (!participation || participation.status !== 'ATTENDED' || !participation.checkedInAt)
    throw new ConflictError(msg('checkOut.notCheckedIn'));
  if (participation.checkedOutAt) throw new ConflictError(msg('checkOut.already', { at: participation.checkedOutAt.toISOString() }));
  if (at < participation.checkedInAt) throw new ValidationError('at', msg('checkOut.beforeCheckIn'));
}

/** Completion: a published activity that has started. */
export function checkCompletion(activity: Activity, now: Date): void {
  if (activity.status === 'COMPLETED')
    throw new ConflictError(
      msg('activity.alreadyCompleted', { title: activity.title, completedAt: activity.completedAt?.toISOString() ?? '' }),
    );
  requirePublished(activity, 'COMPLETE');
  if (activity.startsAt > now) throw new ConflictError(msg('activity.notStarted', { title: activity.title }));
}

/** Cancellation: not once completed, and not once anyone checked in (complete it instead). */
export function checkCancellation(activity: Activity, attended: number): void {
  if (activity.status === 'CANCELLED' || activity.status === 'COMPLETED')
    throw new ConflictError(msg(closed[activity.status], { title: activity.title }));
  if (attended > 0) throw new ConflictError(msg('activity.membersCheckedIn', { count: attended, title: activity.title }));
}

/** Publishing: a draft that starts in the future. */
export function checkPublication(activity: Activity, now: Date): void {
  if (activity.status !== 'DRAFT') throw new ConflictError(msg('activity.notDraft', { title: activity.title, status: activity.status }));
  if (activity.startsAt <= now) throw new ConflictError(msg('activity.startsInPast', { title: activity.title }));
}

/**
 * Rescheduling (改期): a published activity that has not started, to a time still to come. A draft's
 * times are simply edited; a started, cancelled or completed activity keeps the times it had.
 */
export function checkReschedule(activity: Activity, to: { startsAt: Date }, now: Date): void {
  if (activity.status !== 'PUBLISHED')
    throw new ConflictError(msg('activity.rescheduleOnlyPublished', { title: activity.title, status: activity.status }));
  if (activity.startsAt <= now) throw new ConflictError(msg('activity.rescheduleStarted', { title: activity.title }));
  if (to.startsAt <= now) throw new ValidationError('startsAt', msg('activity.rescheduleToPast', { startsAt: to.startsAt.toISOString() }));
}

/** Only drafts change freely; once members can sign up, only the capacity moves. */
export function checkEditable(activity: Activity): void {
  if (activity.status !== 'DRAFT')
    throw new ConflictError(msg('activity.onlyDraftChanges', { title: activity.title, status: activity.status }));
}

export function checkCapacityChange(activity: Activity, capacity: number): void {
  if (activity.status !== 'DRAFT' && activity.status !== 'PUBLISHED')
    throw new ConflictError(msg(closed[activity.status], { title: activity.title }));
  if (capacity < activity.signedUpCount)
    throw new ConflictError(msg('activity.capacityBelowSignUps', { count: activity.signedUpCount, title: activity.title }));
}
