import { check, ForbiddenError, requireRole, seesAll, type Actor, type Peers } from '@cpb/kit';

/**
 * Scope of co-building changes (docs/decisions/0004): a unit's liaison (联络员) acts for that unit
 * only; street and community managers for units and communities inside their organisation subtree,
 * read from organizations at the moment of the change, so it follows the tree as it moves.
 */
export async function requireUnitInScope(actor: Actor, peers: Peers, unitId: string): Promise<void> {
  if (seesAll(actor)) return;
  if (actor.role === 'UNIT_LIAISON') {
    if (actor.unitId !== unitId) throw new ForbiddenError('A unit liaison acts for their own unit only');
    return;
  }
  requireRole(actor, 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
  const [unit] = await peers.organizations.entities<{ community: { partyOrganization: { id: string } | null } }>('ResidentUnit', [unitId], 'community { partyOrganization { id } }');
  await requireOrganizationInScope(actor, peers, unit?.community.partyOrganization?.id);
}

export async function requireCommunityInScope(actor: Actor, peers: Peers, communityId: string): Promise<void> {
  if (seesAll(actor)) return;
  requireRole(actor, 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
  const [community] = await peers.organizations.entities<{ partyOrganization: { id: string } | null }>('Community', [check.uuid('communityId', communityId)], 'partyOrganization { id }');
  await requireOrganizationInScope(actor, peers, community?.partyOrganization?.id);
}

/** An organisation acting (a meeting's convener, a booking's booker) inside the subtree a street or community manager runs. */
export async function requireActingOrganizationInScope(actor: Actor, peers: Peers, organizationId: string): Promise<void> {
  if (seesAll(actor)) return;
  requireRole(actor, 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
  await requireOrganizationInScope(actor, peers, organizationId);
}

/** Who a booking is for: a liaison books for their unit's organisation or its community's; managers within their subtree. */
export async function requireBookerInScope(actor: Actor, peers: Peers, bookedById: string): Promise<void> {
  if (actor.role !== 'UNIT_LIAISON') return requireActingOrganizationInScope(actor, peers, bookedById);
  type UnitOrganizations = { partyOrganization: { id: string } | null; community: { partyOrganization: { id: string } | null } };
  const [unit] = actor.unitId ? await peers.organizations.entities<UnitOrganizations>('ResidentUnit', [actor.unitId], 'partyOrganization { id } community { partyOrganization { id } }') : [];
  if (!unit || (unit.partyOrganization?.id !== bookedById && unit.community.partyOrganization?.id !== bookedById)) {
    throw new ForbiddenError("A unit liaison books for their unit's organisation or its community's");
  }
}

/** Progress on an agreement's commitments: the partner unit's liaison, or the managers of its community. */
export async function requireAgreementPartyInScope(actor: Actor, peers: Peers, agreement: { communityId: string; partnerUnitId: string }): Promise<void> {
  if (actor.role === 'UNIT_LIAISON') {
    if (actor.unitId !== agreement.partnerUnitId) throw new ForbiddenError('A unit liaison reports on their own unit\'s agreements only');
    return;
  }
  await requireCommunityInScope(actor, peers, agreement.communityId);
}

async function requireOrganizationInScope(actor: Actor, peers: Peers, organizationId: string | undefined): Promise<void> {
  const [root] = actor.orgId ? await peers.organizations.entities<{ subtreeIds: string[] }>('Organization', [actor.orgId], 'subtreeIds') : [];
  if (!organizationId || !root?.subtreeIds.includes(organizationId)) throw new ForbiddenError('This is outside the organisations you manage');
}
