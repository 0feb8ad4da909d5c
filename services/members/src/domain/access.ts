import { ForbiddenError, managerRoles, requireRole, seesAll, UnauthenticatedError, type Actor, type Peers } from '@cpb/kit';

/** How much of a member's record the caller may see. */
export type MemberAccess = 'full' | 'name';

interface Located {
  id: string;
  organizationId: string;
}

/**
 * Who may see and change which members, decided per request. Scope follows the organisation tree:
 * the subtree of the manager's organisation comes from organizations once per request, so moving an
 * organisation moves whom its managers see. Personal data (phone, ID number, home address) and the
 * full record go to the member and to managers whose subtree holds the member's organisation.
 */
export class MemberAccessPolicy {
  private scope?: Promise<Set<string> | null>;

  constructor(
    readonly actor: Actor,
    private readonly peers: Peers,
  ) {}

  /** The organisations the actor manages; null when the actor sees everything. */
  managedOrganizations(): Promise<Set<string> | null> {
    if (seesAll(this.actor)) return Promise.resolve(null);
    this.scope ??= (async () => {
      if (!managerRoles.includes(this.actor.role) || !this.actor.orgId) return new Set<string>();
      const [root] = await this.peers.organizations.entities<{ subtreeIds: string[] }>('Organization', [this.actor.orgId], 'subtreeIds');
      return new Set(root?.subtreeIds ?? []);
    })();
    return this.scope;
  }

  async manages(organizationId: string): Promise<boolean> {
    const scope = await this.managedOrganizations();
    return scope === null || scope.has(organizationId);
  }

  /** Anyone signed in sees names (lists of volunteers, leadership); analysts see aggregates only. */
  async accessTo(member: Located): Promise<MemberAccess> {
    requireRole(this.actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'UNIT_LIAISON', 'MEMBER');
    if (this.actor.memberId === member.id || (await this.manages(member.organizationId))) return 'full';
    return 'name';
  }

  /** Aggregates (counts, census): any signed-in caller, analysts included. */
  requireSignedIn(): void {
    if (this.actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
  }

  async requireManagerOf(organizationId: string): Promise<void> {
    requireRole(this.actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
    if (!(await this.manages(organizationId))) throw new ForbiddenError('This member\'s organisation is outside the organisations you manage');
  }

  async requireSelfOrManagerOf(member: Located): Promise<void> {
    if (this.actor.role === 'MEMBER' && this.actor.memberId === member.id) return;
    await this.requireManagerOf(member.organizationId);
  }

  /**
   * Deciding a transfer (组织关系转接) is for managers, never the member themself: the sending
   * organisation approves (it issues the introduction letter), either side may reject, and the
   * receiving organisation completes it when the member reports in (报到).
   */
  async requireTransferDecision(transfer: { fromOrganizationId: string; toOrganizationId: string }, step: 'APPROVED' | 'REJECTED' | 'COMPLETED'): Promise<void> {
    if (step === 'APPROVED') return this.requireManagerOf(transfer.fromOrganizationId);
    if (step === 'COMPLETED') return this.requireManagerOf(transfer.toOrganizationId);
    if (await this.manages(transfer.toOrganizationId)) return this.requireManagerOf(transfer.toOrganizationId);
    return this.requireManagerOf(transfer.fromOrganizationId);
  }

  /** Lists of persons: managers (limited to their subtree) and district staff only. */
  async listScope(): Promise<string[] | null> {
    requireRole(this.actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
    const scope = await this.managedOrganizations();
    return scope && [...scope];
  }

  /** A community's registered members: its managers (the community's own organisation in their subtree). */
  async requireManagerOfCommunity(communityId: string): Promise<void> {
    requireRole(this.actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
    if (seesAll(this.actor)) return;
    const [community] = await this.peers.organizations.entities<{ partyOrganization: { id: string } | null }>('Community', [communityId], 'partyOrganization { id }');
    const organizationId = community?.partyOrganization?.id;
    if (!organizationId || !(await this.manages(organizationId))) throw new ForbiddenError('This community is outside the organisations you manage');
  }
}

/** `138****5678`, `1101**********1234`: what a dashboard may show of data the viewer may not see. */
export function maskIdNumber(idNumber: string | null): string | null {
  return idNumber ? `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}` : null;
}
