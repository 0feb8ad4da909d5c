import { ForbiddenError, msg, readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { MemberKey } from '../data/member-repository';

export const ResidentUnit = {
  __resolveReference: (ref: { id: string }) => ref,
  // Who works where is person-level data: district staff only (managers reach their members by organisation).
  members: async (unit: { id: string }, args: PageArgs, ctx: Context) => {
    if ((await ctx.access.listScope()) !== null) throw new ForbiddenError(msg('member.unitListDistrictOnly'));
    return ctx.loaders.unitMembers(unit.id, readPage<MemberKey>(args));
  },
};
