import type { Context } from '../context';
import type { Organization as OrganizationRecord } from '../entities';

/** Ids on the path from the root down to the parent ('/a/b/self/' gives [a, b]). */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1);
}

export const Organization = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.organization.load(id),
  parent: (org: OrganizationRecord, _: unknown, ctx: Context) => (org.parentId ? ctx.loaders.organization.load(org.parentId) : null),
  children: (org: OrganizationRecord, _: unknown, ctx: Context) => ctx.loaders.childrenByParent.load(org.id),
  ancestors: async (org: OrganizationRecord, _: unknown, ctx: Context) => {
    const found = await ctx.loaders.organization.loadMany(ancestorIds(org.path));
    return found.filter((o): o is OrganizationRecord => Boolean(o) && !(o instanceof Error));
  },
  community: (org: OrganizationRecord, _: unknown, ctx: Context) => (org.communityId ? ctx.loaders.community.load(org.communityId) : null),
  residentUnit: (org: OrganizationRecord, _: unknown, ctx: Context) => (org.residentUnitId ? ctx.loaders.residentUnit.load(org.residentUnitId) : null),
};
