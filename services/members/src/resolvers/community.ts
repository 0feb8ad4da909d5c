import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { MemberKey } from '../data/member-repository';

export const Community = {
  __resolveReference: (ref: { id: string }) => ref,
  registeredMembers: async (community: { id: string }, args: PageArgs, ctx: Context) => {
    await ctx.access.requireManagerOfCommunity(community.id);
    return ctx.loaders.registeredMembers(community.id, readPage<MemberKey>(args));
  },
};

/** This service's part of the "five clears" census: members and activists living in the community. */
export const CommunityCensus = {
  __resolveReference: async ({ communityId }: { communityId: string }, ctx: Context) => {
    ctx.access.requireSignedIn();
    return { communityId, ...(await ctx.loaders.census.load(communityId)) };
  },
};
