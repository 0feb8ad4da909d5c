import { ConflictError, NotFoundError, type Peers } from '@cpb/kit';

/**
 * Facts other services own, checked at the moment of a change by a direct batched call; an
 * unreachable peer refuses the change with UNAVAILABLE (the kit's PeerClient fails closed).
 */

/** Every member exists in the members service. */
export async function requireMembers(peers: Peers, ids: string[], field: string): Promise<void> {
  const found = await peers.members.entities<{ id: string }>('Member', ids, 'id');
  ids.forEach((id, i) => {
    if (!found[i]) throw new NotFoundError('Member', id, field);
  });
}

/** An active organisation, with the community it belongs to (null at street level). */
export async function requireActiveOrganization(peers: Peers, id: string, field: string): Promise<{ id: string; communityId: string | null }> {
  const [organization] = await peers.organizations.entities<{ id: string; name: string; status: string; community: { id: string } | null }>('Organization', [id], 'id name status community { id }');
  if (!organization) throw new NotFoundError('Organization', id, field);
  if (organization.status !== 'ACTIVE') throw new ConflictError(`${organization.name} is dissolved`);
  return { id, communityId: organization.community?.id ?? null };
}

export async function requireCommunity(peers: Peers, id: string, field: string): Promise<void> {
  const [community] = await peers.organizations.entities<{ id: string }>('Community', [id], 'id');
  if (!community) throw new NotFoundError('Community', id, field);
}

/** Co-organisers (活动共办) are resident units the organizations service knows. */
export async function requireResidentUnits(peers: Peers, ids: string[], field: string): Promise<void> {
  const found = await peers.organizations.entities<{ id: string }>('ResidentUnit', ids, 'id');
  ids.forEach((id, i) => {
    if (!found[i]) throw new NotFoundError('ResidentUnit', id, field);
  });
}
