import type { Context } from '../context';

export const Query = {
  activity: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.activity.load(id),
};
