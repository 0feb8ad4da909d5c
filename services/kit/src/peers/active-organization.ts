import { ConflictError } from '../errors';
import { msg, type Message } from '../messages';
import type { OrganizationFacts } from './facts';
import type { Peers } from './index';

/** "X is dissolved" or "X is being dissolved" (CLOSING, docs/decisions/0010): why nothing new goes to an organisation. */
export function inactiveOrganization(organization: { name: string; status: string }): Message {
  return msg(organization.status === 'CLOSING' ? 'organization.beingDissolved' : 'organization.dissolved', { name: organization.name });
}

/**
 * An organisation another service owns that exists (NOT_FOUND naming the field) and is active (CONFLICT
 * when dissolved or being dissolved): nothing new is planned, booked or convened under it.
 */
export async function activeOrganization(peers: Peers, id: string, field: string): Promise<OrganizationFacts> {
  const [organization] = await peers.require('Organization', [id], field);
  if (organization.status !== 'ACTIVE') throw new ConflictError(inactiveOrganization(organization));
  return organization;
}
