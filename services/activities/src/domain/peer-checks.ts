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
export function pathOf(organization: { id: string; ancestors: { id: string }[] }): string {
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

/** The activity a booking is for: its organiser's place in the tree, and its id once it has one. */
export interface BookingUse {
  organizerPath: string;
  activityId: string | null;
}

/**
 * A confirmed venue booking (场地预约, resources service) whose time covers the activity's, booked by
 * the organiser or an organisation above it, and serving no other activity: an activity never uses
 * (and, cancelled, never releases) another organisation's booking.
 */
export async function requireVenueBooking(peers: Peers, id: string, schedule: { startsAt: Date; endsAt: Date }, field: string, use: BookingUse): Promise<void> {
  type Facts = { id: string; status: string; startsAt: string; endsAt: string; bookedBy: { id: string }; activity: { id: string } | null };
  const [booking] = await peers.resources.entities<Facts>('Booking', [id], 'id status startsAt endsAt bookedBy { id } activity { id }');
  if (!booking) throw new NotFoundError('Booking', id, field);
  if (!use.organizerPath.includes(`/${booking.bookedBy.id}/`)) {
    throw new ConflictError('That venue was booked by another organisation: an activity uses a booking of its organiser or of an organisation above it');
  }
  if (booking.activity && booking.activity.id !== use.activityId) throw new ConflictError('That venue booking already serves another activity');
  if (booking.status !== 'CONFIRMED') throw new ConflictError('That venue booking was cancelled');
  if (Date.parse(booking.startsAt) > schedule.startsAt.getTime() || Date.parse(booking.endsAt) < schedule.endsAt.getTime()) {
    throw new ConflictError(`The venue is booked from ${booking.startsAt} to ${booking.endsAt}, which does not cover the activity`);
  }
}
