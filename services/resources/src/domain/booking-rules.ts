import { ConflictError, ValidationError } from '@cpb/kit';
import type { Resource } from '../entities';
import { describeOpeningHours, isOpenThroughout } from './opening-hours';

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
    throw new ValidationError('resourceId', `${resource.name} is a ${resource.kind} resource: only venues and facilities are booked`);
  }
  if (resource.status !== 'AVAILABLE') throw new ConflictError(`${resource.name} has been withdrawn and takes no bookings`);
  const { startsAt, endsAt, headcount } = request;
  if (endsAt <= startsAt) throw new ValidationError('endsAt', 'endsAt must be after startsAt');
  if (startsAt <= now) throw new ValidationError('startsAt', 'A booking must start in the future');
  if (!Number.isInteger(headcount) || headcount < 1) throw new ValidationError('headcount', 'headcount must be at least 1');
  if (resource.kind === 'VENUE' && resource.capacity !== null && headcount > resource.capacity) {
    throw new ValidationError('headcount', `${headcount} people exceed the capacity of ${resource.name} (${resource.capacity})`);
  }
  if (!isOpenThroughout(resource.openingHours, startsAt, endsAt)) {
    throw new ValidationError('startsAt', `${resource.name} is not open for the whole booking; it opens ${describeOpeningHours(resource.openingHours)} (UTC+8)`);
  }
}
