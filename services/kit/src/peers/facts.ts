/**
 * The facts services ask one another about at the moment of a change (docs/decisions/0003), one shape
 * per entity type: who owns it, what is asked of it, and the plain record it becomes. Asking more than a
 * use case needs costs the owner a batched loader or two; one shape keeps every service's answer alike.
 */
export interface OrganizationFacts {
  id: string;
  name: string;
  /** CLOSING: being dissolved, it receives no one (docs/decisions/0010). */
  status: 'ACTIVE' | 'CLOSING' | 'DISSOLVED';
  kind: string;
  scope: string;
  /** The community it belongs to; null at street level. */
  communityId: string | null;
  /** '/root/.../self/': its place in the tree, which scope follows. */
  path: string;
}

export interface CommunityFacts {
  id: string;
  name: string;
  partyOrganizationId: string | null;
}

export interface ResidentUnitFacts {
  id: string;
  name: string;
  communityId: string;
  /** The unit's own Party organisation, if it has one. */
  partyOrganizationId: string | null;
  /** The Party organisation of the unit's community, if it has one. */
  communityPartyOrganizationId: string | null;
}

export interface MemberFacts {
  id: string;
  /** For the outbox's scrubber: a change's text must not carry the names of the members it concerns. */
  name: string;
  /** The one organisation holding the member's relationship. */
  organizationId: string;
}

export interface BookingFacts {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  bookedById: string;
  /** The activity it serves, once attached. */
  activityId: string | null;
}

export interface ActivityFacts {
  id: string;
  organizerId: string;
}

export interface EntityFacts {
  Organization: OrganizationFacts;
  Community: CommunityFacts;
  ResidentUnit: ResidentUnitFacts;
  Member: MemberFacts;
  Booking: BookingFacts;
  Activity: ActivityFacts;
}
export type EntityType = keyof EntityFacts;

type Ref = { id: string } | null;
interface Lookup<F> {
  selection: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  read(answer: any): F;
}

/** '/a/b/self/' from an organisation's ancestors (root first) and its own id. */
export function pathOf(organization: { id: string; ancestors: { id: string }[] }): string {
  return `/${[...organization.ancestors.map((a) => a.id), organization.id].join('/')}/`;
}

const idOf = (ref: Ref): string | null => ref?.id ?? null;

export const lookups: { [T in EntityType]: Lookup<EntityFacts[T]> } = {
  Organization: {
    selection: 'id name status kind scope community { id } ancestors { id }',
    read: (o) => ({
      id: o.id,
      name: o.name,
      status: o.status,
      kind: o.kind,
      scope: o.scope,
      communityId: idOf(o.community),
      path: pathOf(o),
    }),
  },
  Community: {
    selection: 'id name partyOrganization { id }',
    read: (c) => ({ id: c.id, name: c.name, partyOrganizationId: idOf(c.partyOrganization) }),
  },
  ResidentUnit: {
    selection: 'id name community { id partyOrganization { id } } partyOrganization { id }',
    read: (u) => ({
      id: u.id,
      name: u.name,
      communityId: u.community.id,
      partyOrganizationId: idOf(u.partyOrganization),
      communityPartyOrganizationId: idOf(u.community.partyOrganization),
    }),
  },
  Member: { selection: 'id name organization { id }', read: (m) => ({ id: m.id, name: m.name, organizationId: m.organization.id }) },
  Booking: {
    selection: 'id status startsAt endsAt bookedBy { id } activity { id }',
    read: (b) => ({
      id: b.id,
      status: b.status,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      bookedById: b.bookedBy.id,
      activityId: idOf(b.activity),
    }),
  },
  Activity: { selection: 'id organizer { id }', read: (a) => ({ id: a.id, organizerId: a.organizer.id }) },
};
