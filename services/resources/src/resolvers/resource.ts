import type { Context } from '../context';
import type { Resource as ResourceRecord } from '../entities';

export const Resource = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.resource.load(id),
  provider: (resource: ResourceRecord) => ({ id: resource.providerId }),
  community: (resource: ResourceRecord) => ({ id: resource.communityId }),
};
