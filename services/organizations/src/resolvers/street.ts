import type { Context } from '../context';
import type { Street as StreetRecord } from '../entities';

export const Street = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.street.load(id),
  workingCommittee: (street: StreetRecord, _: unknown, ctx: Context) => ctx.loaders.committeeOfStreet.load(street.id),
  communities: (street: StreetRecord, _: unknown, ctx: Context) => ctx.loaders.communitiesByStreet.load(street.id),
};
