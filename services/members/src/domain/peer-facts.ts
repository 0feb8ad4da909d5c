import { ConflictError, msg, NotFoundError, ValidationError, type OrganizationFacts, type Peers, type TermValue } from '@cpb/kit';

/**
 * Rules over facts the organizations service owns, asked through the kit's peer client before a use
 * case opens its transaction (an unreachable peer refuses the change with UNAVAILABLE).
 */

/** An organisation that exists and is active: a dissolved one, or one being dissolved, holds no one new (CONFLICT). */
export async function requireActiveOrganization(
  peers: Peers,
  id: string,
  field: string,
  scope?: TermValue<'organizationScope'>,
): Promise<OrganizationFacts> {
  const [organization] = await peers.require('Organization', [id], field);
  if (organization.status !== 'ACTIVE')
    throw new ConflictError(
      msg(organization.status === 'CLOSING' ? 'organization.closingReceivesNoMembers' : 'organization.dissolvedReceivesNoMembers', {
        name: organization.name,
      }),
    );
  if (scope && organization.scope !== scope) {
    throw new ValidationError(
      field,
      msg('member.organizationScope', { name: organization.name, scope, actual: organization.scope as TermValue<'organizationScope'> }),
    );
  }
  return organization;
}

/** The places a record points at: the work unit and the residence community must exist (NOT_FOUND naming the field). */
export async function requirePlaces(
  peers: Peers,
  places: { workUnitId?: string | null; residenceCommunityId?: string | null },
): Promise<void> {
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
