import { check, invariant, now, useCase } from '@cpb/kit';
import { ActivityStore } from '../data/activity-store';
import type { Activity } from '../entities';
import { activityEvents } from '../events';
import { checkReschedule, checkSchedule } from './activity-rules';
import { bookingUse, requireVenueBooking } from './peer-facts';
import { knownActivity, type Services } from './services';

export interface RescheduleActivityArgs {
  id: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Moves a published activity to a new time (改期). Members signed up stay signed up (they withdraw
 * with cancelSignUp if the new time does not suit them); its venue booking, asked of resources before
 * the transaction as when it was published, must cover the new time; `activity.rescheduled` tells
 * consumers (and, through them, the members).
 */
export const rescheduleActivity = useCase({
  async authorize(services: Services, args: RescheduleActivityArgs) {
    const schedule = checkSchedule(check.isoDateTime('startsAt', args.startsAt), check.isoDateTime('endsAt', args.endsAt));
    const activity = await knownActivity(services, check.uuid('id', args.id), 'id');
    await services.policy.permit('rescheduleActivity', { organizationId: activity.organizerId });
    checkReschedule(activity, schedule, now());
    return { activity, schedule };
  },
  async gather({ peers }: Services, { activity, schedule }) {
    if (activity.venueBookingId)
      await requireVenueBooking(peers, activity.venueBookingId, schedule, 'id', await bookingUse(peers, activity));
    return { id: activity.id, venueBookingId: activity.venueBookingId, schedule };
  },
  async change({ tx, outbox }, { id, venueBookingId, schedule }) {
    const store = new ActivityStore(tx);
    const activity = await store.lock(id, 'update');
    invariant(activity, `activity ${id} vanished (activities are never deleted)`);
    checkReschedule(activity, schedule, now());
    // Published activities keep their booking, so the one checked above is still the one it uses.
    invariant(activity.venueBookingId === venueBookingId, `activity ${id} changed its booking while published`);
    if (activity.startsAt.getTime() === schedule.startsAt.getTime() && activity.endsAt.getTime() === schedule.endsAt.getTime())
      return activity;
    await store.reschedule(activity.id, schedule);
    await outbox.emit(activityEvents.rescheduled(activity, schedule));
    return { ...activity, ...schedule } satisfies Activity;
  },
});
