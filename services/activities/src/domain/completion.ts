import { check, invariant, NotFoundError, now, useCase } from '@cpb/kit';
import { ActivityStore } from '../data/activity-store';
import { ParticipationStore } from '../data/participation-store';
import type { Activity, ServiceHours } from '../entities';
import { activityEvents, participationEvents } from '../events';
import { checkCompletion } from './activity-rules';
import { serviceHours } from './service-hours';
import { knownActivity, type Services } from './services';

/** Credits every attendance not credited yet its hours (check-in to check-out, capped at the activity's length). */
export async function creditHours(store: ParticipationStore, activity: Activity, completedAt: Date): Promise<ServiceHours[]> {
  const attendances = await store.uncredited(activity.id);
  const credits = attendances.map((p) => {
    invariant(p.checkedInAt, 'an attendance has a check-in');
    return { participationId: p.id, hours: serviceHours(activity, p.checkedInAt, p.checkedOutAt, completedAt) };
  });
  return store.credit(credits, completedAt);
}

/**
 * Closes an activity: hours for who checked in, NO_SHOW for who did not. Credited exactly once:
 * the PUBLISHED → COMPLETED step is guarded in SQL under the row lock, crediting only touches rows
 * not yet credited, and the ledger's primary key refuses a second row; completing again is refused.
 */
export const completeActivity = useCase({
  async authorize(services: Services, { id }: { id: string }) {
    const activityId = check.uuid('id', id);
    await services.policy.permit('completeActivity', { organizationId: (await knownActivity(services, activityId, 'id')).organizerId });
    return activityId;
  },
  async change({ tx, outbox }, activityId) {
    const activities = new ActivityStore(tx);
    const activity = await activities.lock(activityId, 'update');
    if (!activity) throw new NotFoundError('Activity', activityId, 'id');
    checkCompletion(activity, now());
    const completedAt = await activities.complete(activity.id);
    invariant(completedAt, 'a locked PUBLISHED activity completes');
    const participations = new ParticipationStore(tx);
    const credited = await creditHours(participations, activity, completedAt);
    const noShows = await participations.markNoShows(activity.id);
    const hours = Math.round(credited.reduce((sum, h) => sum + h.hours, 0) * 100) / 100;
    await outbox.emit(
      activityEvents.completed(activity, completedAt, { attended: credited.length, noShows, hours }),
      ...credited.map(participationEvents.hoursCredited),
    );
    return { ...activity, status: 'COMPLETED', completedAt };
  },
});
