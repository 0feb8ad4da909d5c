import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { MemberKey } from '../data/member-repository';

export const ResidentUnit = {
  __resolveReference: (ref: { id: string }) => ref,
  members: (unit: { id: string }, args: PageArgs, ctx: Context) => ctx.loaders.unitMembers(unit.id, readPage<MemberKey>(args)),
};
