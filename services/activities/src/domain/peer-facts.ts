import { ConflictError, msg, type Peers } from '@cpb/kit';

/**
 * Rules over facts other services own, asked through the kit's peer client before a use case opens
 * its transaction (an unreachable peer refuses the change with UNAVAILABLE).
 */

/** The activity a booking is for: its organiser's place in the tree, and its id once it has one. */
export interface BookingUse {
  organizerPath: string;
  activityId: string | null;
}

/** How an existing activity would use a booking: its organiser's current place in the tree. */
export async function bookingUse(peers: Peers, activity: { id: string; organizerId: string }): Promise<BookingUse> {
  const [organizer] = await peers.require('Organization', [activity.organizerId], 'organizerId');
  return { organizerPath: organizer.path, activityId: activity.id };
}

/**
 * A confirmed venue booking (场地预约, resources service) whose time covers the activity's, booked by
 * the organiser or an organisation above it, and serving no other activity: an activity never uses
 * (and, cancelled, never releases) another organisation's booking.
 */
export async function requireVenueBooking(
  peers: Peers,
  id: string,
  schedule: { startsAt: Date; endsAt: Date },
  field: string,
  use: BookingUse,
): Promise<void> {
  const [booking] = await peers.require('Booking', [id], field);
  if (!use.organizerPath.includes(`/${booking.bookedById}/`)) {
    throw new ConflictError(msg('venue.bookedByAnother'));
  }
  if (booking.activityId && booking.activityId !== use.activityId) throw new ConflictError(msg('venue.servesAnotherActivity'));
  if (booking.status !== 'CONFIRMED') throw new ConflictError(msg('venue.bookingCancelled'));
  if (Date.parse(booking.startsAt) > schedule.startsAt.getTime() || Date.parse(booking.endsAt) < schedule.endsAt.getTime()) {
    throw new ConflictError(msg('venue.doesNotCover', { startsAt: booking.startsAt, endsAt: booking.endsAt }));
  }
}
