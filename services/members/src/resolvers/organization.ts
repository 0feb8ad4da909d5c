import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { MemberKey } from '../data/member-repository';
import type { OrganizationRef } from '../loaders';
import { arrears, duesSummary } from './dues';

const subtreeCounts = (org: OrganizationRef, ctx: Context) => {
  ctx.access.requireSignedIn();
  return ctx.loaders.countsBySubtree.load({ id: org.id, subtreeIds: org.subtreeIds ?? [org.id] });
};

/** Fields members adds to other services' entities, each from per-request loaders (one query per level). */
export const Organization = {
  __resolveReference: (ref: OrganizationRef) => ref,
  memberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => (await subtreeCounts(org, ctx)).members,
  fullMemberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => (await subtreeCounts(org, ctx)).fullMembers,
  directMemberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => {
    ctx.access.requireSignedIn();
    return (await ctx.loaders.countsByOrganization.load(org.id)).members;
  },
  duesSummary,
  arrears,
  members: async (org: OrganizationRef, args: PageArgs & { includeDescendants?: boolean | null; status?: string | null }, ctx: Context) => {
    await ctx.access.requireManagerOf(org.id);
    return ctx.loaders.organizationMembers(
      org,
      { includeDescendants: Boolean(args.includeDescendants), status: args.status ?? null },
      readPage<MemberKey>(args),
    );
  },
};
