import { check, ConflictError, ValidationError } from '@cpb/kit';
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
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) throw new ValidationError('capacity', `capacity must be a whole number from 1 to ${MAX_CAPACITY}`);
  return capacity;
}

/** Start and end as instants; the end comes after the start, within MAX_LENGTH_HOURS. */
export function checkSchedule(startsAt: Date, endsAt: Date): { startsAt: Date; endsAt: Date } {
  if (endsAt <= startsAt) throw new ValidationError('endsAt', 'endsAt must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_HOURS * 3_600_000) throw new ValidationError('endsAt', `an activity lasts at most ${MAX_LENGTH_HOURS} hours`);
  return { startsAt, endsAt };
}

/** The moment a check-in or check-out happened: now by default, never in the future. */
export function readMoment(at: string | null | undefined, now: Date): Date {
  if (at == null) return now;
  const moment = check.isoDateTime('at', at);
  if (moment.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new ValidationError('at', 'at must not be in the future');
  return moment;
}

const closedBecause: Record<Exclude<StoredActivityStatus, 'PUBLISHED'>, string> = {
  DRAFT: 'is not published yet',
  CANCELLED: 'was cancelled',
  COMPLETED: 'is already completed',
};

/** Refuses anything but a PUBLISHED activity, saying what state it is in. */
export function requirePublished(activity: Activity, doing: string): void {
  if (activity.status !== 'PUBLISHED') throw new ConflictError(`Cannot ${doing}: activity "${activity.title}" ${closedBecause[activity.status]}`);
}

/**
 * Why a sign-up (or withdrawal) found no open place: the database refused, this says why. The
 * conditional UPDATE decides; this only explains, so a race here can at worst word the refusal oddly.
 */
export function signUpRefusal(activity: Activity, now: Date, doing = 'sign up'): ConflictError {
  if (activity.status !== 'PUBLISHED') return new ConflictError(`Cannot ${doing}: activity "${activity.title}" ${closedBecause[activity.status]}`);
  if (activity.startsAt <= now) return new ConflictError(`Cannot ${doing}: activity "${activity.title}" has already started`);
  if (activity.signedUpCount >= activity.capacity) return new ConflictError(`Activity "${activity.title}" is full: all ${activity.capacity} places are taken`);
  return new ConflictError('The activity changed while signing up; please try again');
}

/** Check-in: a signed-up member, a published activity, from CHECK_IN_OPENS_MINUTES before the start until its end. */
export function checkCheckIn(activity: Activity, participation: Participation | null, at: Date): asserts participation is Participation {
  requirePublished(activity, 'check in');
  const opens = new Date(activity.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000);
  if (at < opens || at > activity.endsAt) {
    throw new ConflictError(`Check-in for "${activity.title}" is open from ${opens.toISOString()} to ${activity.endsAt.toISOString()}`);
  }
  if (!participation || participation.status === 'CANCELLED') throw new ConflictError('Only members signed up for the activity can check in');
  if (participation.status !== 'SIGNED_UP') throw new ConflictError(`The member already checked in at ${participation.checkedInAt?.toISOString()}`);
}

/** Check-out: a checked-in member who has not checked out, not before the check-in. */
export function checkCheckOut(activity: Activity, participation: Participation | null, at: Date): asserts participation is Participation {
  requirePublished(activity, 'check out');
  if (!participation || participation.status !== 'ATTENDED' || !participation.checkedInAt) throw new ConflictError('Only a member who checked in can check out');
  if (participation.checkedOutAt) throw new ConflictError(`The member already checked out at ${participation.checkedOutAt.toISOString()}`);
  if (at < participation.checkedInAt) throw new ValidationError('at', 'A check-out cannot come before the check-in');
}

/** Completion: a published activity that has started. */
export function checkCompletion(activity: Activity, now: Date): void {
  if (activity.status === 'COMPLETED') throw new ConflictError(`Activity "${activity.title}" was already completed at ${activity.completedAt?.toISOString()}: its hours were credited then`);
  requirePublished(activity, 'complete');
  if (activity.startsAt > now) throw new ConflictError(`Activity "${activity.title}" has not started yet`);
}

/** Cancellation: not once completed, and not once anyone checked in (complete it instead). */
export function checkCancellation(activity: Activity, attended: number): void {
  if (activity.status === 'CANCELLED' || activity.status === 'COMPLETED') throw new ConflictError(`Activity "${activity.title}" ${closedBecause[activity.status]}`);
  if (attended > 0) throw new ConflictError(`${attended} member(s) already checked in to "${activity.title}": complete it instead of cancelling`);
}

/** Publishing: a draft that starts in the future. */
export function checkPublication(activity: Activity, now: Date): void {
  if (activity.status !== 'DRAFT') throw new ConflictError(`Activity "${activity.title}" is ${activity.status.toLowerCase()}, not a draft`);
  if (activity.startsAt <= now) throw new ConflictError(`Activity "${activity.title}" starts in the past: change its time before publishing`);
}

/** Only drafts change freely; once members can sign up, only the capacity moves. */
export function checkEditable(activity: Activity): void {
  if (activity.status !== 'DRAFT') throw new ConflictError(`Activity "${activity.title}" is ${activity.status.toLowerCase()}: only a draft can be changed (a published one may change its capacity)`);
}

export function checkCapacityChange(activity: Activity, capacity: number): void {
  if (activity.status !== 'DRAFT' && activity.status !== 'PUBLISHED') throw new ConflictError(`Activity "${activity.title}" ${closedBecause[activity.status]}`);
  if (capacity < activity.signedUpCount) throw new ConflictError(`${activity.signedUpCount} members are signed up for "${activity.title}": the capacity cannot go below that`);
}
