import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { groupedLoader, keyedLoader, pagedLoader, valueLoader, type Connection, type Page } from '@cpb/kit';
import type { MemberPages, ListedMember } from './data/member-pages';
import type { MemberCounts, MemberKey, MemberRepository } from './data/member-repository';
import type { MembershipRepository } from './data/membership-repository';
import { probationExtensionsOf } from './data/probation-extensions';

/** An organisation as the gateway hands it over: its id, and its subtree ids where a field requires them. */
export type OrganizationRef = { id: string; subtreeIds?: string[] };

export interface OrganizationMembersOptions {
  includeDescendants: boolean;
  status: string | null;
}

/** Per-request DataLoaders: every reference, nested list and per-parent page is one batched query per level. */
export function createLoaders(
  members: MemberRepository,
  membership: MembershipRepository,
  pages: MemberPages,
  dataSource: Pick<DataSource, 'query'>,
) {
  const byParent = (row: ListedMember) => row.parentId;
  const byName = (row: ListedMember): MemberKey => [row.name, row.id];
  // Subtrees the gateway handed over in this request, by organisation: the page query reads them.
  const subtrees = new Map<string, string[]>();
  const organizationPagers = new Map<string, (page: Page<MemberKey>) => DataLoader<string, Connection<ListedMember>>>();
  const registeredPager = pagedLoader((ids, page: Page<MemberKey>) => pages.registeredWithCommunities(ids, page), byParent, byName);
  const unitPager = pagedLoader((ids, page: Page<MemberKey>) => pages.ofWorkUnits(ids, page), byParent, byName);

  return {
    member: keyedLoader(
      (ids: readonly string[]) => members.byIds(ids),
      (m) => m.id,
    ),
    probationExtension: keyedLoader(
      (ids: readonly string[]) => probationExtensionsOf(dataSource, ids),
      (e) => e.memberId,
    ),
    applicant: keyedLoader(
      (ids: readonly string[]) => membership.applicantsByIds(ids),
      (a) => a.id,
    ),
    transfer: keyedLoader(
      (ids: readonly string[]) => membership.transfersByIds(ids),
      (t) => t.id,
    ),
    registration: keyedLoader(
      (ids: readonly string[]) => membership.registrationsByIds(ids),
      (r) => r.id,
    ),
    registrationsOfMember: groupedLoader(
      (ids: readonly string[]) => membership.registrationsOfMembers(ids),
      (r) => r.memberId,
    ),
    transfersOfMember: groupedLoader(
      (ids: readonly string[]) => membership.transfersOfMembers(ids),
      (t) => t.memberId,
    ),
    checkInsOfMember: groupedLoader(
      (ids: readonly string[]) => membership.checkInsOfMembers(ids),
      (c) => c.memberId,
    ),
    feedbackOfRegistration: groupedLoader(
      (ids: readonly string[]) => membership.feedbackOfRegistrations(ids),
      (f) => f.registrationId,
    ),
    countsBySubtree: new DataLoader<Required<OrganizationRef>, MemberCounts, string>(
      async (roots) => {
        const counts = await members.countsBySubtree(roots);
        return roots.map((root) => counts.get(root.id) ?? { members: 0, fullMembers: 0 });
      },
      { cacheKeyFn: (root) => root.id },
    ),
    countsByOrganization: valueLoader((ids: readonly string[]) => members.countsByOrganization(ids), { members: 0, fullMembers: 0 }),
    census: valueLoader((ids: readonly string[]) => members.censusByCommunity(ids), { members: 0, activists: 0 }),
    registeredMembers: (communityId: string, page: Page<MemberKey>) => registeredPager(page).load(communityId),
    unitMembers: (unitId: string, page: Page<MemberKey>) => unitPager(page).load(unitId),
    /** One page of an organisation's members (or its subtree's); all organisations asking with the same options share one query. */
    organizationMembers(
      org: OrganizationRef,
      options: OrganizationMembersOptions,
      page: Page<MemberKey>,
    ): Promise<Connection<ListedMember>> {
      subtrees.set(org.id, org.subtreeIds ?? [org.id]);
      const key = JSON.stringify(options);
      let pager = organizationPagers.get(key);
      if (!pager) {
        pager = pagedLoader(
          (ids, p: Page<MemberKey>) =>
            pages.ofOrganizations(
              ids.map((id) => ({ parentId: id, organizationIds: options.includeDescendants ? (subtrees.get(id) ?? [id]) : [id] })),
              options.status,
              p,
            ),
          byParent,
          byName,
        );
        organizationPagers.set(key, pager);
      }
      return pager(page).load(org.id);
    },
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
