import { ConflictError, msg, NotFoundError, type Peers } from '@cpb/kit';

/**
 * Rules over facts other services own, asked through the kit's peer client before a use case opens its
 * transaction (batched, failing closed with UNAVAILABLE when a peer does not answer). Ids are validated before the call.
 */

/** Members by the input field that names each (e.g. { communityLiaisonId: '…' }), asked in one call; their names, for the scrubber of the events. */
export async function requireMembers(peers: Peers, byField: Record<string, string>): Promise<string[]> {
  const fields = Object.keys(byField);
  const found = await peers.find(
    'Member',
    fields.map((f) => byField[f]),
  );
  return fields.map((field, i) => {
    if (!found[i]) throw new NotFoundError('Member', byField[field], field);
    return found[i].name;
  });
}

/** The names of these members (those members still knows), so events about them can leave their names out of free text. */
export async function memberNames(peers: Peers, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await peers.find('Member', ids);
  return found.flatMap((member) => (member ? [member.name] : []));
}

/**
 * The activity a booking is made for, organised by the booking organisation or one below it: a
 * booking serves only its own organisation's activities (and their cancellation releases only it).
 */
export async function requireActivityOf(peers: Peers, id: string, bookedById: string, field: string): Promise<void> {
  const [activity] = await peers.require('Activity', [id], field);
  const [organizer] = await peers.find('Organization', [activity.organizerId]);
  if (!organizer?.path.includes(`/${bookedById}/`)) throw new ConflictError(msg('booking.activityOutsideBooker'));
}
