import DataLoader from 'dataloader';
import { keyedLoader, valueLoader } from '@cpb/kit';
import type { MemberCounts, MemberRepository } from './data/member-repository';

export function createLoaders(repo: MemberRepository) {
  return {
    member: keyedLoader((ids: readonly string[]) => repo.byIds(ids), (m) => m.id),
    countsBySubtree: new DataLoader<{ id: string; subtreeIds: string[] }, MemberCounts, string>(
      async (roots) => {
        const counts = await repo.countsBySubtree(roots);
        return roots.map((root) => counts.get(root.id) ?? { members: 0, fullMembers: 0 });
      },
      { cacheKeyFn: (root) => root.id },
    ),
    countsByOrganization: valueLoader((ids: readonly string[]) => repo.countsByOrganization(ids), { members: 0, fullMembers: 0 }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
