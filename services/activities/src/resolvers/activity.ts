import { now, readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { ParticipantKey } from '../data/participation-repository';
import { shownStatus } from '../domain/activity-rules';
import type { Activity as ActivityRecord, ParticipationStatus } from '../entities';

export const Activity = {
  __resolveReference: async ({ id }: { id: string }, ctx: Context) => ctx.records.shown(await ctx.loaders.activity.load(id)),
  status: (activity: ActivityRecord) => shownStatus(activity, now()),
  startsAt: (activity: ActivityRecord) => activity.startsAt.toISOString(),
  endsAt: (activity: ActivityRecord) => activity.endsAt.toISOString(),
  organizer: (activity: ActivityRecord) => ({ id: activity.organizerId }),
  coOrganizers: (activity: ActivityRecord) => activity.coOrganizerIds.map((id) => ({ id })),
  community: (activity: ActivityRecord) => ({ id: activity.communityId }),
  team: (activity: ActivityRecord, _: unknown, ctx: Context) => (activity.teamId ? ctx.loaders.team.load(activity.teamId) : null),
  venueBooking: (activity: ActivityRecord) => (activity.venueBookingId ? { id: activity.venueBookingId } : null),
  participants: async (activity: ActivityRecord, args: PageArgs & { status?: ParticipationStatus | null }, ctx: Context) => {
    await ctx.records.requireRosterReader(activity);
    return ctx.loaders
      .participantsOfActivity(args.status ?? null)(readPage<ParticipantKey>(args))
      .load(activity.id);
  },
};
