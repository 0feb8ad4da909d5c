import type { Context } from '../context';
import type { Activity as ActivityRecord } from '../entities';

export const Activity = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.activity.load(id),
  startsAt: (activity: ActivityRecord) => activity.startsAt.toISOString(),
  endsAt: (activity: ActivityRecord) => activity.endsAt.toISOString(),
  organizer: (activity: ActivityRecord) => ({ id: activity.organizerId }),
  community: (activity: ActivityRecord) => ({ id: activity.communityId }),
};
