import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { GridKey } from '../data/structure-repository';
import { authorizeAggregates } from '../domain/policy';
import type { Community as CommunityRecord } from '../entities';

export const Community = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.community.load(id),
  street: (community: CommunityRecord, _: unknown, ctx: Context) => ctx.loaders.street.load(community.streetId),
  grids: (community: CommunityRecord, _: unknown, ctx: Context) => ctx.loaders.gridsByCommunity.load(community.id),
  gridsPage: (community: CommunityRecord, args: PageArgs, ctx: Context) =>
    ctx.loaders.gridsOfCommunity(readPage<GridKey>(args)).load(community.id),
  partyOrganization: (community: CommunityRecord, _: unknown, ctx: Context) => ctx.loaders.organizationOfCommunity.load(community.id),
  census: (community: CommunityRecord, _: unknown, ctx: Context) => {
    authorizeAggregates(ctx.actor);
    return ctx.loaders.census.load(community.id);
  },
  residentUnits: (community: CommunityRecord, _: unknown, ctx: Context) => ctx.loaders.residentUnitsByCommunity.load(community.id),
};
