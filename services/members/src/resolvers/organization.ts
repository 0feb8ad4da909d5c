import type { Context } from '../context';

type OrganizationRef = { id: string };

export const Organization = {
  __resolveReference: (ref: OrganizationRef) => ref,
  memberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => (await ctx.loaders.countsByOrganization.load(org.id)).members,
  fullMemberCount: async (org: OrganizationRef, _: unknown, ctx: Context) => (await ctx.loaders.countsByOrganization.load(org.id)).fullMembers,
};
