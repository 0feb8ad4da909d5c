import { readAuditTrail, readPage, toConnection, type PageArgs } from '@cpb/kit';
import { auditScope } from '../audit-scope';
import type { Context } from '../context';
import { organizationsNamed } from '../domain/organizations-named';
import type { CommunityKey } from '../data/structure-repository';

export const Query = {
  streets: (_: unknown, __: unknown, ctx: Context) => ctx.structure.allStreets(),
  street: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.street.load(id),
  communities: async (_: unknown, args: { streetId?: string | null; first?: number | null; after?: string | null }, ctx: Context) => {
    const page = readPage<CommunityKey>(args);
    const { rows, total } = await ctx.structure.communityPage(args.streetId ?? null, page);
    for (const row of rows) ctx.loaders.community.prime(row.id, row);
    return toConnection(rows, page, (c) => [c.name, c.id], total);
  },
  community: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.community.load(id),
  organization: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.organization.load(id),
  residentUnit: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.residentUnit.load(id),
  organizationsNamed: (_: unknown, args: { names: string[] }, ctx: Context) => organizationsNamed(ctx.dataSource, ctx.actor, args),
  organizationsAuditTrail: (_: unknown, args: PageArgs & { targetId?: string | null }, ctx: Context) =>
    readAuditTrail(ctx.dataSource, ctx.actor, args, auditScope(ctx.dataSource)),
};
