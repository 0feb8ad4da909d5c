import { ConflictError, type OrganizationFacts, type Peers } from '@cpb/kit';

/**
 * Rules over facts other services own, asked through the kit's peer client before a use case opens
 * its transaction (an unreachable peer refuses the change with UNAVAILABLE).
 */

/** An organisation that exists (NOT_FOUND naming the field) and is active: nothing is planned under a dissolved one. */
export async function activeOrganization(peers: Peers, id: string, field: string): Promise<OrganizationFacts> {
  const [organization] = await peers.require('Organization', [id], field);
  if (organization.status !== 'ACTIVE') throw new ConflictError(`${organization.name} is dissolved`);
  return organization;
}

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
export async function requireVenueBooking(peers: Peers, id: string, schedule: { startsAt: Date; endsAt: Date }, field: string, use: BookingUse): Promise<void> {
  const [booking] = await peers.require('Booking', [id], field);
  if (!use.organizerPath.includes(`/${booking.bookedById}/`)) {
    throw new ConflictError('That venue was booked by another organisation: an activity uses a booking of its organiser or of an organisation above it');
  }
  if (booking.activityId && booking.activityId !== use.activityId) throw new ConflictError('That venue booking already serves another activity');
  if (booking.status !== 'CONFIRMED') throw new ConflictError('That venue booking was cancelled');
  if (Date.parse(booking.startsAt) > schedule.startsAt.getTime() || Date.parse(booking.endsAt) < schedule.endsAt.getTime()) {
    throw new ConflictError(`The venue is booked from ${booking.startsAt} to ${booking.endsAt}, which does not cover the activity`);
  }
}
