import { readPage, toConnection } from '@cpb/kit';
import type { Context } from '../context';
import type { ResourceFilter, ResourceKey } from '../data/resource-repository';

export const Query = {
  resource: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.resource.load(id),
  resources: async (_: unknown, args: { filter?: ResourceFilter | null; first?: number | null; after?: string | null }, ctx: Context) => {
    const page = readPage<ResourceKey>(args);
    const { rows, total } = await ctx.resources.page(args.filter ?? {}, page);
    for (const row of rows) ctx.loaders.resource.prime(row.id, row);
    return toConnection(rows, page, (r) => [r.name, r.id], total);
  },
};
