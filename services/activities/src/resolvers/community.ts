import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { ActivityKey } from '../data/activity-repository';

type CommunityRef = { id: string };

export const Community = {
  __resolveReference: (ref: CommunityRef) => ref,
  activities: (community: CommunityRef, args: PageArgs, ctx: Context) => ctx.loaders.activitiesOfCommunity(readPage<ActivityKey>(args)).load(community.id),
};
