import { keyedLoader, valueLoader } from '@cpb/kit';
import type { MemberRepository } from './data/member-repository';

export function createLoaders(repo: MemberRepository) {
  return {
    member: keyedLoader((ids: readonly string[]) => repo.byIds(ids), (m) => m.id),
    countsByOrganization: valueLoader((ids: readonly string[]) => repo.countsByOrganization(ids), { members: 0, fullMembers: 0 }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
