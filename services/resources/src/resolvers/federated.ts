import { readPage, type PageArgs, type SortKey } from '@cpb/kit';
import type { Context } from '../context';
import type { AgreementStatus, NeedStatus } from '../entities';

/** Fields this service adds to entities other services own; each parent is only an id here. */
type Ref = { id: string };
type StatusArgs<S> = { status?: S | null };

export const ResidentUnit = {
  __resolveReference: (ref: Ref) => ref,
  resources: (unit: Ref, _: unknown, ctx: Context) => ctx.loaders.resourcesByProvider.load(unit.id),
  agreements: (unit: Ref, args: StatusArgs<AgreementStatus>, ctx: Context) =>
    ctx.loaders.agreementsOfUnit(args.status ?? null).load(unit.id),
};

export const Community = {
  __resolveReference: (ref: Ref) => ref,
  needs: (community: Ref, args: PageArgs & StatusArgs<NeedStatus>, ctx: Context) =>
    ctx.loaders
      .needsOfCommunity(args.status ?? null)(readPage<SortKey>(args))
      .load(community.id),
  agreements: (community: Ref, args: StatusArgs<AgreementStatus>, ctx: Context) =>
    ctx.loaders.agreementsOfCommunity(args.status ?? null).load(community.id),
  coBuilding: (community: Ref, _: unknown, ctx: Context) => ctx.loaders.coBuilding.load(community.id),
};

export const Organization = {
  __resolveReference: (ref: Ref) => ref,
  agreements: async (organization: Ref, args: StatusArgs<AgreementStatus>, ctx: Context) =>
    (await ctx.loaders.agreementsOfOrganization(args.status ?? null).load(organization.id)).map((k) => k.value),
};
