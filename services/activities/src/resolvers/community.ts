import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { ActivityKey } from '../data/activity-repository';
import { readActivityFilter, type ActivityFilterInput } from '../domain/activity-filter';
import { statsOf } from './stats';

type CommunityRef = { id: string };

export const Community = {
  __resolveReference: (ref: CommunityRef) => ref,
  activities: async (community: CommunityRef, args: PageArgs & { filter?: ActivityFilterInput | null }, ctx: Context) =>
    ctx.loaders
      .activitiesOfCommunity(readActivityFilter(args.filter, await ctx.records.managesCommunity(community.id)))(readPage<ActivityKey>(args))
      .load(community.id),
  volunteerStats: (community: CommunityRef, args: { from: string; to: string }, ctx: Context) =>
    statsOf(ctx, 'community', community.id, [community.id], args),
};
