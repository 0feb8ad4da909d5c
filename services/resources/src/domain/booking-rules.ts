import { ConflictError, msg, ValidationError } from '@cpb/kit';
import type { Resource } from '../entities';
import { isOpenThroughout } from './opening-hours';

export interface BookingRequest {
  startsAt: Date;
  endsAt: Date;
  headcount: number;
}

/** Only venues (场地) and facilities are booked for a time; experts, funds, jobs and services are matched to needs. */
export const BOOKABLE_KINDS: readonly string[] = ['VENUE', 'FACILITY'];

/**
 * Whether `resource` can take this booking: a bookable kind still offered, a future time inside its
 * opening hours, and (for a venue, whose capacity counts people) a headcount within capacity. A
 * facility's capacity counts units (one projector), so its headcount is informational only.
 * Overlap with other bookings is the database's call (an exclusion constraint), not checked here.
 */
export function checkBooking(resource: Resource, request: BookingRequest, now: Date): void {
  if (!BOOKABLE_KINDS.includes(resource.kind)) {
    throw new ValidationError('resourceId', msg('booking.notBookable', { name: resource.name, kind: resource.kind }));
  }
  if (resource.status !== 'AVAILABLE') throw new ConflictError(msg('booking.resourceWithdrawn', { name: resource.name }));
  const { startsAt, endsAt, headcount } = request;
  if (endsAt <= startsAt) throw new ValidationError('endsAt', msg('date.after', { field: 'endsAt', other: 'startsAt' }));
  if (startsAt <= now) throw new ValidationError('startsAt', msg('booking.startInFuture'));
  if (!Number.isInteger(headcount) || headcount < 1)
    throw new ValidationError('headcount', msg('input.atLeastOne', { field: 'headcount' }));
  if (resource.kind === 'VENUE' && resource.capacity !== null && headcount > resource.capacity) {
    throw new ValidationError('headcount', msg('booking.overCapacity', { headcount, name: resource.name, capacity: resource.capacity }));
  }
  if (!isOpenThroughout(resource.openingHours, startsAt, endsAt)) {
    throw new ValidationError('startsAt', msg('booking.outsideOpeningHours', { name: resource.name, openingHours: resource.openingHours }));
  }
}
