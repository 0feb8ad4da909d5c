import { DomainError, Outbox, serviceActor, type EventHandler } from '@cpb/kit';
import { attachBookingToActivity, releaseBookingForActivity } from './domain';

const consumer = serviceActor('resources-activity-reactions');

/**
 * How co-building follows volunteering (issue 6): a cancelled activity releases the venue it had
 * booked; a published one is attached to its booking. Each event is applied once, in the same
 * transaction as its processed_event row, so redeliveries change nothing.
 */
export const handleActivityEvent: EventHandler = async (event, { tx }) => {
  const unit = { tx, outbox: new Outbox(tx, consumer), actor: consumer };
  const data = event.data as { activityId: string; venueBookingId?: string | null };
  try {
    if (event.type === 'cn.cpb.activity.cancelled') await releaseBookingForActivity(unit, data.activityId);
    if (event.type === 'cn.cpb.activity.published' && data.venueBookingId)
      await attachBookingToActivity(unit, data.venueBookingId, data.activityId);
  } catch (error) {
    // A refusal (booking gone, already attached elsewhere) is final: retrying would block the partition.
    if (!(error instanceof DomainError)) throw error;
  }
};

export const reactions = { groupId: 'resources-activity-reactions', topics: ['activities.events.v1'], handle: handleActivityEvent };
