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

type OrganizationFacts = { id: string; name: string; status: string; community: { id: string } | null; ancestors: { id: string }[] };

/** '/root/.../self/': the organisation's place in the tree, which authorisation scopes by. */
function pathOf(organization: { id: string; ancestors: { id: string }[] }): string {
  return `/${[...organization.ancestors.map((a) => a.id), organization.id].join('/')}/`;
}

/** An active organisation, with the community it belongs to (null at street level) and its path. */
export async function requireActiveOrganization(peers: Peers, id: string, field: string): Promise<{ id: string; communityId: string | null; path: string }> {
  const [organization] = await peers.organizations.entities<OrganizationFacts>('Organization', [id], 'id name status community { id } ancestors { id }');
  if (!organization) throw new NotFoundError('Organization', id, field);
  if (organization.status !== 'ACTIVE') throw new ConflictError(`${organization.name} is dissolved`);
  return { id, communityId: organization.community?.id ?? null, path: pathOf(organization) };
}

/** The organisation's current path, or null when the organizations service does not know it. */
export async function organizationPath(peers: Peers, id: string): Promise<string | null> {
  const [organization] = await peers.organizations.entities<OrganizationFacts>('Organization', [id], 'id ancestors { id }');
  return organization ? pathOf(organization) : null;
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

/** A confirmed venue booking (场地预约, resources service) whose time covers the activity's. */
export async function requireVenueBooking(peers: Peers, id: string, schedule: { startsAt: Date; endsAt: Date }, field: string): Promise<void> {
  const [booking] = await peers.resources.entities<{ id: string; status: string; startsAt: string; endsAt: string }>('Booking', [id], 'id status startsAt endsAt');
  if (!booking) throw new NotFoundError('Booking', id, field);
  if (booking.status !== 'CONFIRMED') throw new ConflictError('That venue booking was cancelled');
  if (Date.parse(booking.startsAt) > schedule.startsAt.getTime() || Date.parse(booking.endsAt) < schedule.endsAt.getTime()) {
    throw new ConflictError(`The venue is booked from ${booking.startsAt} to ${booking.endsAt}, which does not cover the activity`);
  }
}
