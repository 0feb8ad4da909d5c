import { ConflictError, NotFoundError, ValidationError, type Peers } from '@cpb/kit';

/** What the organizations service says about an organisation at the moment of a change. */
export interface OrganizationFacts {
  id: string;
  name: string;
  /** CLOSING: being dissolved, it receives no one (docs/decisions/0010). */
  status: 'ACTIVE' | 'CLOSING' | 'DISSOLVED';
  kind: string;
  scope: string;
}

/** The organisation as organizations knows it now; NOT_FOUND naming the field when there is none. */
export async function requireOrganization(peers: Peers, id: string, field: string): Promise<OrganizationFacts> {
  const [organization] = await peers.organizations.entities<OrganizationFacts>('Organization', [id], 'id name status kind scope');
  if (!organization) throw new NotFoundError('Organization', id, field);
  return organization;
}

/** An organisation that exists and is active: a dissolved one, or one being dissolved, holds no one new (CONFLICT). */
export async function requireActiveOrganization(peers: Peers, id: string, field: string, scope?: string): Promise<OrganizationFacts> {
  const organization = await requireOrganization(peers, id, field);
  if (organization.status !== 'ACTIVE') throw new ConflictError(`${organization.name} is ${organization.status === 'CLOSING' ? 'being dissolved' : 'dissolved'}: it receives no members`);
  if (scope && organization.scope !== scope) {
    throw new ValidationError(field, `${organization.name} is not a ${scope.toLowerCase()} organisation (scope ${organization.scope})`);
  }
  return organization;
}

/** The organisation ids of a subtree (the root first among them), from organizations in one call. */
export async function subtreeOf(peers: Peers, id: string, field: string): Promise<string[]> {
  const [organization] = await peers.organizations.entities<{ subtreeIds: string[] }>('Organization', [id], 'subtreeIds');
  if (!organization) throw new NotFoundError('Organization', id, field);
  return organization.subtreeIds;
}

/** The places a record points at: the work unit and the residence community must exist (NOT_FOUND naming the field). */
export async function requirePlaces(peers: Peers, places: { workUnitId?: string | null; residenceCommunityId?: string | null }): Promise<void> {
  await Promise.all([
    places.workUnitId ? requireEntity(peers, 'ResidentUnit', places.workUnitId, 'workUnitId') : null,
    places.residenceCommunityId ? requireEntity(peers, 'Community', places.residenceCommunityId, 'residenceCommunityId') : null,
  ]);
}

/** A community or resident unit organizations knows, or NOT_FOUND naming the field. */
export async function requireEntity(peers: Peers, typename: 'Community' | 'ResidentUnit', id: string, field: string): Promise<void> {
  const [entity] = await peers.organizations.entities<{ id: string }>(typename, [id], 'id');
  if (!entity) throw new NotFoundError(typename, id, field);
}
