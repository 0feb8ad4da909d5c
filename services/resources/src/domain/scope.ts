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

/** An organisation (a meeting's convener) inside the subtree a street or community manager runs. */
export async function requireConvenerInScope(actor: Actor, peers: Peers, organizationId: string): Promise<void> {
  if (seesAll(actor)) return;
  requireRole(actor, 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
  await requireOrganizationInScope(actor, peers, organizationId);
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
