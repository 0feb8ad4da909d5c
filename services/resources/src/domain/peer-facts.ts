import { ConflictError, NotFoundError, type Peers } from '@cpb/kit';

/**
 * Facts other services own, checked at the moment of a change through their `_entities` (batched,
 * failing closed with UNAVAILABLE when a peer does not answer). Ids are validated before the call.
 */
export interface UnitFacts {
  id: string;
  name: string;
  community: { id: string };
  partyOrganization: { id: string } | null;
}
export interface CommunityFacts {
  id: string;
  name: string;
  partyOrganization: { id: string } | null;
}
export interface OrganizationFacts {
  id: string;
  name: string;
  status: 'ACTIVE' | 'DISSOLVED';
}

function requireAll<T>(ids: readonly string[], found: (T | null)[], what: string, field: string): Map<string, T> {
  const byId = new Map<string, T>();
  ids.forEach((id, i) => {
    const entity = found[i];
    if (!entity) throw new NotFoundError(what, id, field);
    byId.set(id, entity);
  });
  return byId;
}

export async function residentUnits(peers: Peers, ids: readonly string[], field: string): Promise<Map<string, UnitFacts>> {
  const found = await peers.organizations.entities<UnitFacts>('ResidentUnit', ids, 'id name community { id } partyOrganization { id }');
  return requireAll(ids, found, 'ResidentUnit', field);
}

export async function community(peers: Peers, id: string, field: string): Promise<CommunityFacts> {
  const [found] = await peers.organizations.entities<CommunityFacts>('Community', [id], 'id name partyOrganization { id }');
  return requireAll([id], [found], 'Community', field).get(id)!;
}

/** An organisation that exists and has not been dissolved. */
export async function activeOrganization(peers: Peers, id: string, field: string): Promise<OrganizationFacts> {
  const [found] = await peers.organizations.entities<OrganizationFacts>('Organization', [id], 'id name status');
  const organization = requireAll([id], [found], 'Organization', field).get(id)!;
  if (organization.status !== 'ACTIVE') throw new ConflictError(`${organization.name} is dissolved`);
  return organization;
}

/** Members by the input field that names each (e.g. { communityLiaisonId: '…' }); their names, for the scrubber of the events. */
export async function requireMembers(peers: Peers, byField: Record<string, string>): Promise<string[]> {
  const fields = Object.keys(byField);
  const found = await peers.members.entities<{ id: string; name: string }>('Member', fields.map((f) => byField[f]), 'id name');
  return fields.map((field, i) => {
    if (!found[i]) throw new NotFoundError('Member', byField[field], field);
    return found[i].name;
  });
}

/** The names of these members (those members still knows), so events about them can leave their names out of free text. */
export async function memberNames(peers: Peers, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await peers.members.entities<{ id: string; name: string }>('Member', ids, 'id name');
  return found.flatMap((member) => (member ? [member.name] : []));
}

/**
 * The activity a booking is made for, organised by the booking organisation or one below it: a
 * booking serves only its own organisation's activities (and their cancellation releases only it).
 */
export async function requireActivityOf(peers: Peers, id: string, bookedById: string, field: string): Promise<void> {
  const [found] = await peers.activities.entities<{ id: string; organizer: { id: string } }>('Activity', [id], 'id organizer { id }');
  if (!found) throw new NotFoundError('Activity', id, field);
  const [organizer] = await peers.organizations.entities<{ id: string; ancestors: { id: string }[] }>('Organization', [found.organizer.id], 'id ancestors { id }');
  const line = [organizer?.id, ...(organizer?.ancestors ?? []).map((a) => a.id)];
  if (!line.includes(bookedById)) throw new ConflictError('That activity is organised outside the booking organisation: a booking serves its own organisation\'s activities');
}
