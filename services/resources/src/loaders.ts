import { groupedLoader, keyedLoader } from '@cpb/kit';
import type { ResourceRepository } from './data/resource-repository';

export function createLoaders(repo: ResourceRepository) {
  return {
    resource: keyedLoader((ids: readonly string[]) => repo.byIds(ids), (r) => r.id),
    resourcesByProvider: groupedLoader((ids: readonly string[]) => repo.availableByProviders(ids), (r) => r.providerId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
