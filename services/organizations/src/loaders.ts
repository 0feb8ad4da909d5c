import { groupedLoader, keyedLoader, pagedLoader, valueLoader, type Page } from '@cpb/kit';
import type { GridKey, StructureRepository } from './data/structure-repository';

/** Per-request DataLoaders: every reference and nested list is one batched query per level. */
export function createLoaders(repo: StructureRepository) {
  return {
    street: keyedLoader(
      (ids: readonly string[]) => repo.streetsByIds(ids),
      (s) => s.id,
    ),
    community: keyedLoader(
      (ids: readonly string[]) => repo.communitiesByIds(ids),
      (c) => c.id,
    ),
    communitiesByStreet: groupedLoader(
      (ids: readonly string[]) => repo.communitiesByStreetIds(ids),
      (c) => c.streetId,
    ),
    gridsByCommunity: groupedLoader(
      (ids: readonly string[]) => repo.gridsByCommunityIds(ids),
      (g) => g.communityId,
    ),
    gridsOfCommunity: pagedLoader(
      (ids: readonly string[], page: Page<GridKey>) => repo.gridPages(ids, page),
      (g) => g.communityId,
      (g): GridKey => [g.name, g.id],
    ),
    residentUnit: keyedLoader(
      (ids: readonly string[]) => repo.residentUnitsByIds(ids),
      (u) => u.id,
    ),
    residentUnitsByCommunity: groupedLoader(
      (ids: readonly string[]) => repo.residentUnitsByCommunityIds(ids),
      (u) => u.communityId,
    ),
    organization: keyedLoader(
      (ids: readonly string[]) => repo.organizationsByIds(ids),
      (o) => o.id,
    ),
    childrenByParent: groupedLoader(
      (ids: readonly string[]) => repo.childrenByParentIds(ids),
      (o) => o.parentId as string,
    ),
    organizationOfCommunity: keyedLoader(
      (ids: readonly string[]) => repo.communityOrganizations(ids),
      (o) => o.communityId as string,
    ),
    subtreeIds: valueLoader((ids: readonly string[]) => repo.subtreeIds(ids), [] as string[]),
    currentPositions: groupedLoader(
      (ids: readonly string[]) => repo.currentPositions(ids),
      (p) => p.organizationId,
    ),
    allPositions: groupedLoader(
      (ids: readonly string[]) => repo.allPositions(ids),
      (p) => p.organizationId,
    ),
    currentInstructor: keyedLoader(
      (ids: readonly string[]) => repo.currentInstructors(ids),
      (a) => a.residentUnitId,
    ),
    census: keyedLoader(
      (ids: readonly string[]) => repo.census(ids),
      (c) => c.communityId,
    ),
    committeeOfStreet: keyedLoader(
      (ids: readonly string[]) => repo.workingCommittees(ids),
      (o) => o.streetId as string,
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
