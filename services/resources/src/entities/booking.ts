import { EntitySchema } from 'typeorm';

export type BookingStatus = 'CONFIRMED' | 'CANCELLED';
/** Why a booking was cancelled, as a category: what events carry instead of the reason text (GraphQL BookingCancellationReason). */
export const BOOKING_CANCELLATION_REASONS = [
  'ACTIVITY_CANCELLED',
  'RESCHEDULED',
  'VENUE_UNAVAILABLE',
  'NO_LONGER_NEEDED',
  'OTHER',
] as const;
export type BookingCancellationReason = (typeof BOOKING_CANCELLATION_REASONS)[number];

export interface Booking {
  id: string;
  resourceId: string;
  /** The organisation that booked (owned by the organizations service). */
  bookedById: string;
  /** The activity the booking serves (owned by the activities service), if any. */
  activityId: string | null;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  status: BookingStatus;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  cancellationReasonCode: BookingCancellationReason | null;
}

export const BookingEntity = new EntitySchema<Booking>({
  name: 'booking',
  columns: {
    id: { type: 'uuid', primary: true },
    resourceId: { type: 'uuid', name: 'resource_id' },
    bookedById: { type: 'uuid', name: 'booked_by_id' },
    activityId: { type: 'uuid', name: 'activity_id', nullable: true },
    purpose: { type: 'text' },
    startsAt: { type: 'timestamptz', name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    headcount: { type: 'int' },
    status: { type: 'text' },
    cancelledAt: { type: 'timestamptz', name: 'cancelled_at', nullable: true },
    cancellationReason: { type: 'text', name: 'cancellation_reason', nullable: true },
    cancellationReasonCode: { type: 'text', name: 'cancellation_reason_code', nullable: true },
  },
});
