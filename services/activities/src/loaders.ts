import { keyedLoader, pagedLoader, type Page } from '@cpb/kit';
import type { ActivityKey } from './data/activity-repository';
import type { ActivityRepository } from './data/activity-repository';

export function createLoaders(repo: ActivityRepository) {
  return {
    activity: keyedLoader((ids: readonly string[]) => repo.byIds(ids), (a) => a.id),
    activitiesOfCommunity: pagedLoader((ids: readonly string[], page: Page<ActivityKey>) => repo.communityPages(ids, page), (a) => a.communityId, (a): ActivityKey => [a.startsAt.toISOString(), a.id]),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
