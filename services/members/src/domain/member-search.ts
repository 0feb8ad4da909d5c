import { check, type Peers } from '@cpb/kit';
import type { MemberQuery } from '../data/member-repository';
import { subtreeOf } from './peer-facts';

export interface MemberFilterInput {
  organizationId?: string | null;
  includeDescendants?: boolean | null;
  status?: string | null;
  category?: string | null;
  skill?: string | null;
  communityId?: string | null;
  nameContains?: string | null;
}

/**
 * Turns a dashboard's filter into a query on this service's table. With `includeDescendants` the
 * subtree comes from organizations in one call (one indexed range scan there), which also tells
 * an unknown organisation apart (NOT_FOUND); the members are then one `organization_id = ANY(...)`.
 */
export async function memberQuery(peers: Peers, filter: MemberFilterInput): Promise<MemberQuery> {
  const organizationId = filter.organizationId ? check.uuid('organizationId', filter.organizationId) : null;
  const nameContains = check.searchText('nameContains', filter.nameContains, 50);
  const organizationIds = organizationId
    ? filter.includeDescendants
      ? await subtreeOf(peers, organizationId, 'organizationId')
      : [organizationId]
    : null;
  return {
    organizationIds,
    status: filter.status,
    category: filter.category,
    skill: filter.skill,
    communityId: filter.communityId ? check.uuid('communityId', filter.communityId) : null,
    nameContains,
  };
}
