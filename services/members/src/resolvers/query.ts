import { readPage, toConnection } from '@cpb/kit';
import type { Context } from '../context';
import type { MemberFilter, MemberKey } from '../data/member-repository';

export const Query = {
  member: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.member.load(id),
  members: async (_: unknown, args: { filter?: MemberFilter | null; first?: number | null; after?: string | null }, ctx: Context) => {
    const page = readPage<MemberKey>(args);
    const { rows, total } = await ctx.members.page(args.filter ?? {}, page);
    for (const row of rows) ctx.loaders.member.prime(row.id, row);
    return toConnection(rows, page, (m) => [m.name, m.id], total);
  },
};
