import type { Context } from '../context';
import { bookingWindow, datePeriod } from '../domain/periods';
import { utilization } from '../domain/utilization';
import type { Resource as ResourceRecord } from '../entities';

export const Resource = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.resource.load(id),
  provider: (resource: ResourceRecord) => ({ id: resource.providerId }),
  community: (resource: ResourceRecord) => ({ id: resource.communityId }),
  bookings: (
    resource: ResourceRecord,
    args: { from?: string | null; to?: string | null; includeCancelled?: boolean | null },
    ctx: Context,
  ) =>
    ctx.loaders
      .bookingsOfResource({ period: bookingWindow(args.from, args.to, ctx.now), includeCancelled: Boolean(args.includeCancelled) })
      .load(resource.id),
  utilization: async (resource: ResourceRecord, args: { from: string; to: string }, ctx: Context) => {
    const period = datePeriod(args.from, args.to);
    return utilization(resource, period, await ctx.loaders.bookedSeconds(period).load(resource.id));
  },
};
