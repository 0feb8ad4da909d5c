import { randomUUID } from 'node:crypto';
import {
  check,
  ConflictError,
  DEFAULT_LOCALE,
  loadExisting,
  localDateTime,
  msg,
  NotFoundError,
  now,
  render,
  requireRole,
  translateConstraint,
  useCase,
  type UnitOfWork,
  activeOrganization,
} from '@cpb/kit';
import { BookingStore } from '../data/booking-store';
import { ResourceStore } from '../data/resource-store';
import type { Booking, BookingCancellationReason } from '../entities';
import { bookingEvents } from '../events';
import { checkBooking } from './booking-rules';
import { requireActivityOf } from './peer-facts';
import { changes } from './policy';
import type { Services } from './services';
import { freeText } from './text';

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
 * row lock, taken in the transaction after the peer checks: two inserters racing on an exclusion
 * constraint can wait on each other's uncommitted rows and deadlock, which Postgres breaks only after a
 * second by aborting one. Ordered, each overlapping request meets the committed winner and is refused at once.
 */
export const bookResource = useCase({
  async authorize({ policy, loaders }: Services, { input }: { input: BookResourceInput }) {
    policy.permit('bookResource');
    const request = {
      resourceId: check.uuid('resourceId', input.resourceId),
      bookedById: check.uuid('bookedById', input.bookedById),
      activityId: input.activityId ? check.uuid('activityId', input.activityId) : null,
      purpose: check.name('purpose', input.purpose, 200),
      startsAt: check.isoDateTime('startsAt', input.startsAt),
      endsAt: check.isoDateTime('endsAt', input.endsAt),
      headcount: input.headcount,
    };
    const known = await loadExisting(loaders.resource, 'Resource', request.resourceId, 'resourceId');
    await policy.unit(known.providerId);
    await policy.booker(request.bookedById);
    return request;
  },
  async gather({ peers }: Services, request) {
    await activeOrganization(peers, request.bookedById, 'bookedById');
    if (request.activityId) await requireActivityOf(peers, request.activityId, request.bookedById, 'activityId');
    return request;
  },
  async change({ tx, outbox }, request) {
    const resource = (await new ResourceStore(tx).lockForChange(request.resourceId))!;
    checkBooking(resource, request, now());
    const booking: Booking = {
      id: randomUUID(),
      ...request,
      status: 'CONFIRMED',
      cancelledAt: null,
      cancellationReason: null,
      cancellationReasonCode: null,
    };
    await new BookingStore(tx).insert(booking).catch((error: unknown) =>
      translateConstraint(error, {
        booking_no_overlap: () =>
          new ConflictError(
            msg('booking.overlap', { name: resource.name, from: localDateTime(request.startsAt), to: localDateTime(request.endsAt) }),
          ),
      }),
    );
    await outbox.emit(bookingEvents.confirmed(booking, resource.communityId));
    return booking;
  },
});

/** Cancels a confirmed booking that has not yet ended, freeing the time; the reason's category travels in events, its text stays here. */
export const cancelBooking = useCase({
  async authorize(
    { policy, loaders }: Services,
    args: { id: string; reason?: string | null; reasonCode?: BookingCancellationReason | null },
  ) {
    policy.permit('cancelBooking');
    const booking = await loadExisting(loaders.booking, 'Booking', args.id, 'id');
    const resource = await loaders.resource.load(booking.resourceId);
    if (resource) await policy.unit(resource.providerId);
    return { id: booking.id, reason: args.reason, reasonCode: args.reasonCode ?? 'OTHER' };
  },
  async change({ tx, outbox }, { id, reason, reasonCode }) {
    const at = now();
    const store = new BookingStore(tx);
    const booking = await store.lock(id);
    if (!booking) throw new NotFoundError('Booking', id, 'id');
    await new ResourceStore(tx).lockForChange(booking.resourceId);
    if (booking.status === 'CANCELLED') throw new ConflictError(msg('booking.alreadyCancelled'));
    if (booking.endsAt <= at) throw new ConflictError(msg('booking.alreadyTakenPlace'));
    const cancelled: Booking = {
      ...booking,
      status: 'CANCELLED',
      cancelledAt: at,
      cancellationReason: freeText('reason', reason, 500) || null,
      cancellationReasonCode: reasonCode,
    };
    await store.cancel(cancelled);
    await outbox.emit(...bookingEvents.cancelled(cancelled));
    return cancelled;
  },
});

/**
 * Frees the venue(s) an activity had booked, when the activity is cancelled (called by the
 * activities event consumer). Idempotent: a second call finds nothing confirmed and does nothing.
 * Bookings that have already ended stay as they were: they record what happened. The stored reason is
 * written once, in the default language (stored data has no reader yet, docs/decisions/0012).
 */
export async function releaseBookingForActivity(
  { tx, outbox, actor }: UnitOfWork,
  activityId: string,
  reason = render(msg('booking.releasedWithActivity'), DEFAULT_LOCALE),
  at = now(),
): Promise<Booking[]> {
  requireRole(actor, ...changes.releaseBookingForActivity.roles);
  const store = new BookingStore(tx);
  const released: Booking[] = [];
  for (const booking of await store.lockConfirmedOfActivity(check.uuid('activityId', activityId))) {
    if (booking.endsAt <= at) continue;
    const cancelled: Booking = {
      ...booking,
      status: 'CANCELLED',
      cancelledAt: at,
      cancellationReason: reason,
      cancellationReasonCode: 'ACTIVITY_CANCELLED',
    };
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
  requireRole(actor, ...changes.attachBookingToActivity.roles);
  const store = new BookingStore(tx);
  const booking = await store.lock(check.uuid('bookingId', bookingId));
  const activity = check.uuid('activityId', activityId);
  if (!booking) throw new NotFoundError('Booking', bookingId, 'bookingId');
  if (booking.activityId === activity) return booking;
  if (booking.status === 'CANCELLED') throw new ConflictError(msg('booking.cancelled'));
  if (booking.activityId) throw new ConflictError(msg('booking.servesActivity', { activityId: booking.activityId }));
  await store.attach(booking.id, activity);
  await outbox.emit(bookingEvents.attached(booking, activity));
  return { ...booking, activityId: activity };
}
