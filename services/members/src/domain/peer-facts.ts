import { ConflictError, NotFoundError, ValidationError, type OrganizationFacts, type Peers } from '@cpb/kit';

/**
 * Rules over facts the organizations service owns, asked through the kit's peer client before a use
 * case opens its transaction (an unreachable peer refuses the change with UNAVAILABLE).
 */

/** An organisation that exists and is active: a dissolved one, or one being dissolved, holds no one new (CONFLICT). */
export async function requireActiveOrganization(peers: Peers, id: string, field: string, scope?: string): Promise<OrganizationFacts> {
  const [organization] = await peers.require('Organization', [id], field);
  if (organization.status !== 'ACTIVE') throw new ConflictError(`${organization.name} is ${organization.status === 'CLOSING' ? 'being dissolved' : 'dissolved'}: it receives no members`);
  if (scope && organization.scope !== scope) {
    throw new ValidationError(field, `${organization.name} is not a ${scope.toLowerCase()} organisation (scope ${organization.scope})`);
  }
  return organization;
}

/** The places a record points at: the work unit and the residence community must exist (NOT_FOUND naming the field). */
export async function requirePlaces(peers: Peers, places: { workUnitId?: string | null; residenceCommunityId?: string | null }): Promise<void> {
  await Promise.all([
    places.workUnitId ? peers.require('ResidentUnit', [places.workUnitId], 'workUnitId') : null,
    places.residenceCommunityId ? peers.require('Community', [places.residenceCommunityId], 'residenceCommunityId') : null,
  ]);
}

/** The organisation ids of a subtree (the root first among them), from organizations in one call; NOT_FOUND naming the field when unknown. */
export async function subtreeOf(peers: Peers, id: string, field: string): Promise<string[]> {
  const subtree = await peers.subtreeIds(id);
  if (!subtree) throw new NotFoundError('Organization', id, field);
  return subtree;
}
