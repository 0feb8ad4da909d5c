import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, translateConstraint, type Peers, type UnitOfWork } from '@cpb/kit';
import { BookingStore } from '../data/booking-store';
import { ResourceStore } from '../data/resource-store';
import type { Booking, BookingCancellationReason } from '../entities';
import { bookingEvents } from '../events';
import { checkBooking } from './booking-rules';
import { localDateTime } from './local-time';
import { activeOrganization, requireActivityOf } from './peer-facts';
import { isEventConsumer, mayOfferAndBook } from './policy';
import { freeText } from './text';
import { requireBookerInScope, requireUnitInScope } from './scope';

export interface BookResourceInput {
  resourceId: string;
  bookedById: string;
  purpose: string;
  startsAt: string;
  endsAt: string;
  headcount: number;
  activityId?: string | null;
}

/**
 * Books a venue or facility. Whether the time is free is the exclusion constraint's call
 * (`booking_no_overlap`), never a read-then-write here. Bookings of one resource are ordered by its
 * row lock, taken after the peer checks: two inserters racing on an exclusion constraint can wait on
 * each other's uncommitted rows and deadlock, which Postgres breaks only after a second by aborting
 * one. Ordered, each overlapping request meets the committed winner and is refused at once.
 */
export async function bookResource({ tx, outbox, actor }: UnitOfWork, peers: Peers, input: BookResourceInput, now = new Date()): Promise<Booking> {
  mayOfferAndBook(actor);
  const resourceId = check.uuid('resourceId', input.resourceId);
  const bookedById = check.uuid('bookedById', input.bookedById);
  const activityId = input.activityId ? check.uuid('activityId', input.activityId) : null;
  const purpose = check.name('purpose', input.purpose, 200);
  const startsAt = check.isoDateTime('startsAt', input.startsAt);
  const endsAt = check.isoDateTime('endsAt', input.endsAt);
  await activeOrganization(peers, bookedById, 'bookedById');
  if (activityId) await requireActivityOf(peers, activityId, bookedById, 'activityId');
  const resources = new ResourceStore(tx);
  const known = await resources.find(resourceId);
  if (!known) throw new NotFoundError('Resource', resourceId, 'resourceId');
  await requireUnitInScope(actor, peers, known.providerId);
  await requireBookerInScope(actor, peers, bookedById);
  const resource = (await resources.lockForChange(resourceId))!;
  checkBooking(resource, { startsAt, endsAt, headcount: input.headcount }, now);
  const booking: Booking = { id: randomUUID(), resourceId, bookedById, activityId, purpose, startsAt, endsAt, headcount: input.headcount, status: 'CONFIRMED', cancelledAt: null, cancellationReason: null, cancellationReasonCode: null };
  await new BookingStore(tx).insert(booking).catch((error: unknown) =>
    translateConstraint(error, {
      booking_no_overlap: () => new ConflictError(`${resource.name} is already booked for part of ${localDateTime(startsAt)} to ${localDateTime(endsAt)} (UTC+8)`),
    }),
  );
  await outbox.emit(bookingEvents.confirmed(booking, resource.communityId));
  return booking;
}

/** Cancels a confirmed booking that has not yet ended, freeing the time; the reason's category travels in events, its text stays here. */
export async function cancelBooking(
  { tx, outbox, actor }: UnitOfWork, peers: Peers, id: string, reason?: string | null, reasonCode: BookingCancellationReason = 'OTHER', now = new Date(),
): Promise<Booking> {
  mayOfferAndBook(actor);
  const store = new BookingStore(tx);
  const booking = await store.lock(check.uuid('id', id));
  if (!booking) throw new NotFoundError('Booking', id, 'id');
  const resource = await new ResourceStore(tx).lockForChange(booking.resourceId);
  if (resource) await requireUnitInScope(actor, peers, resource.providerId);
  if (booking.status === 'CANCELLED') throw new ConflictError('This booking is already cancelled');
  if (booking.endsAt <= now) throw new ConflictError('This booking has already taken place');
  const cancelled: Booking = { ...booking, status: 'CANCELLED', cancelledAt: now, cancellationReason: freeText('reason', reason, 500) || null, cancellationReasonCode: reasonCode };
  await store.cancel(cancelled);
  await outbox.emit(...bookingEvents.cancelled(cancelled));
  return cancelled;
}

/**
 * Frees the venue(s) an activity had booked, when the activity is cancelled (called by the
 * activities event consumer). Idempotent: a second call finds nothing confirmed and does nothing.
 * Bookings that have already ended stay as they were: they record what happened.
 */
export async function releaseBookingForActivity({ tx, outbox, actor }: UnitOfWork, activityId: string, reason = 'The activity was cancelled', now = new Date()): Promise<Booking[]> {
  isEventConsumer(actor);
  const store = new BookingStore(tx);
  const released: Booking[] = [];
  for (const booking of await store.lockConfirmedOfActivity(check.uuid('activityId', activityId))) {
    if (booking.endsAt <= now) continue;
    const cancelled: Booking = { ...booking, status: 'CANCELLED', cancelledAt: now, cancellationReason: reason, cancellationReasonCode: 'ACTIVITY_CANCELLED' };
    await store.cancel(cancelled);
    await outbox.emit(...bookingEvents.cancelled(cancelled));
    released.push(cancelled);
  }
  return released;
}

/**
 * Records which activity a booking serves (called by the activities event consumer when an
 * activity names a booking). Idempotent for the same activity; a booking serves one activity.
 */
export async function attachBookingToActivity({ tx, outbox, actor }: UnitOfWork, bookingId: string, activityId: string): Promise<Booking> {
  isEventConsumer(actor);
  const store = new BookingStore(tx);
  const booking = await store.lock(check.uuid('bookingId', bookingId));
  const activity = check.uuid('activityId', activityId);
  if (!booking) throw new NotFoundError('Booking', bookingId, 'bookingId');
  if (booking.activityId === activity) return booking;
  if (booking.status === 'CANCELLED') throw new ConflictError('This booking is cancelled');
  if (booking.activityId) throw new ConflictError(`This booking already serves activity ${booking.activityId}`);
  await store.attach(booking.id, activity);
  await outbox.emit(bookingEvents.attached(booking, activity));
  return { ...booking, activityId: activity };
}
