import type { Context } from '../context';

/** An organisation as the gateway hands it over: its id, and its subtree ids where a count needs them. */
type OrganizationRef = { id: string; subtreeIds?: string[] };

const subtreeCounts = (org: OrganizationRef, ctx: Context) => ctx.loaders.countsBySubtree.load({ id: org.id, subtreeIds: org.subtreeIds ?? [org.id] });

export const Organization = {
  __resolveReference: (ref: OrganizationRef) => ref,
  memberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => (await subtreeCounts(org, ctx)).members,
  fullMemberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => (await subtreeCounts(org, ctx)).fullMembers,
  directMemberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => (await ctx.loaders.countsByOrganization.load(org.id)).members,
};
