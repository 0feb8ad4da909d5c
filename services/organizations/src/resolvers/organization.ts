import { render } from '@cpb/kit';
import type { Context } from '../context';
import { authorizeAggregates, authorizePersonData } from '../domain/policy';
import { kindCheck } from '../domain/kind-check';
import type { Organization as OrganizationRecord } from '../entities';
import { lifeComplianceRankingOf, sixMonthFlagsOf } from './life-follow-up';
import { lifeComplianceOf, meetingsOf, silentOrganizationsOf } from './meeting';

/** Ids on the path from the root down to the parent ('/a/b/self/' gives [a, b]). */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1);
}

/** What the gateway hands over for `kindCheck`: the counts the members service made (@requires). */
type Reference = { id: string; memberCount?: number | null; fullMemberCount?: number | null };

export const Organization = {
  __resolveReference: async (ref: Reference, ctx: Context) => {
    const organization = await ctx.loaders.organization.load(ref.id);
    return organization && { ...organization, memberCount: ref.memberCount, fullMemberCount: ref.fullMemberCount };
  },
  positions: (org: OrganizationRecord, args: { includeEnded?: boolean | null }, ctx: Context) => {
    authorizePersonData(ctx.actor);
    return (args.includeEnded ? ctx.loaders.allPositions : ctx.loaders.currentPositions).load(org.id);
  },
  subtreeIds: (org: OrganizationRecord, _: unknown, ctx: Context) => ctx.loaders.subtreeIds.load(org.id),
  meetings: meetingsOf,
  lifeCompliance: lifeComplianceOf,
  silentOrganizations: silentOrganizationsOf,
  lifeComplianceRanking: lifeComplianceRankingOf,
  sixMonthFlags: sixMonthFlagsOf,
  kindCheck: async (org: OrganizationRecord & Reference, _: unknown, ctx: Context) => {
    authorizeAggregates(ctx.actor);
    if (org.memberCount == null || org.fullMemberCount == null) return null;
    const positions = await ctx.loaders.currentPositions.load(org.id);
    const check = kindCheck({
      kind: org.kind,
      memberCount: org.memberCount,
      fullMemberCount: org.fullMemberCount,
      hasFullTimeDeputySecretary: positions.some((p) => p.role === 'FULL_TIME_DEPUTY_SECRETARY'),
    });
    return { ...check, reason: render(check.reason) };
  },
  parent: (org: OrganizationRecord, _: unknown, ctx: Context) => (org.parentId ? ctx.loaders.organization.load(org.parentId) : null),
  children: (org: OrganizationRecord, _: unknown, ctx: Context) => ctx.loaders.childrenByParent.load(org.id),
  ancestors: async (org: OrganizationRecord, _: unknown, ctx: Context) => {
    const found = await ctx.loaders.organization.loadMany(ancestorIds(org.path));
    return found.filter((o): o is OrganizationRecord => Boolean(o) && !(o instanceof Error));
  },
  community: (org: OrganizationRecord, _: unknown, ctx: Context) => (org.communityId ? ctx.loaders.community.load(org.communityId) : null),
  residentUnit: (org: OrganizationRecord, _: unknown, ctx: Context) =>
    org.residentUnitId ? ctx.loaders.residentUnit.load(org.residentUnitId) : null,
};
