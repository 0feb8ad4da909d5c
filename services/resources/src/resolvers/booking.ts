import { readsPersons } from '@cpb/kit';
import type { Context } from '../context';
import type { Booking as BookingRecord } from '../entities';

export const Booking = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.booking.load(id),
  resource: (booking: BookingRecord, _: unknown, ctx: Context) => ctx.loaders.resource.load(booking.resourceId),
  bookedBy: (booking: BookingRecord) => ({ id: booking.bookedById }),
  activity: (booking: BookingRecord) => (booking.activityId ? { id: booking.activityId } : null),
  startsAt: (booking: BookingRecord) => booking.startsAt.toISOString(),
  endsAt: (booking: BookingRecord) => booking.endsAt.toISOString(),
  cancelledAt: (booking: BookingRecord) => booking.cancelledAt?.toISOString() ?? null,
  // Typed by staff, it may name people: not for analysts, who have the category (as the events do).
  cancellationReason: (booking: BookingRecord, _: unknown, ctx: Context) => (readsPersons(ctx.actor) ? booking.cancellationReason : null),
};
