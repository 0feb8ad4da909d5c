/**
 * Who is asking. Verified once at the gateway from the caller's JWT and carried to every subgraph
 * in a signed internal header; subgraphs decide with it, never with anything the caller sent.
 */
export type Role =
  'DISTRICT_ADMIN' | 'STREET_ADMIN' | 'COMMUNITY_SECRETARY' | 'UNIT_LIAISON' | 'MEMBER' | 'ANALYST' | 'ANONYMOUS' | 'SERVICE';

export const userRoles = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'UNIT_LIAISON', 'MEMBER', 'ANALYST'] as const;

export interface Actor {
  role: Role;
  /** Subject of the caller's token (user id), or the calling service's name. */
  sub: string;
  /** Root of the organisation subtree a STREET_ADMIN or COMMUNITY_SECRETARY manages. */
  orgId?: string;
  /** The resident unit a UNIT_LIAISON speaks for. */
  unitId?: string;
  /** The member a MEMBER is (and a manager may also be one). */
  memberId?: string;
}

export const anonymousActor: Actor = { role: 'ANONYMOUS', sub: 'anonymous' };

/** A service calling another for a check of its own (peers): trusted like the gateway. */
export function serviceActor(service: string): Actor {
  return { role: 'SERVICE', sub: service };
}
