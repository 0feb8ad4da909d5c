import {
  ForbiddenError,
  managerRoles,
  msg,
  requireRole,
  seesAll,
  UnauthenticatedError,
  type Actor,
  type Peers,
  type PolicyTable,
  type Scope,
} from '@cpb/kit';

/**
 * Who may change which members: the README's matrix ("Who may see and change what"), one row per
 * mutation. Scope follows the organisation tree (the kit's `Scope`: the subtree of the manager's
 * organisation, from organizations once per request), so moving an organisation moves whom its managers
 * see. Deciding a transfer (组织关系转接) is for managers, never the member themself: the sending
 * organisation approves (it issues the introduction letter), either side may reject, and the receiving
 * organisation completes it when the member reports in (报到).
 */
const organisation = 'a manager whose subtree holds the organisation';
const membersOrganisation = "a manager whose subtree holds the member's organisation";
const membersSecretaries = "a community secretary whose subtree holds the member's organisation";
export const changes = {
  createMember: { roles: managerRoles, scope: organisation },
  updateMember: { roles: managerRoles, self: 'member', scope: `the member themself, or ${membersOrganisation}` },
  recordApplicant: { roles: managerRoles, scope: organisation },
  advanceApplicant: { roles: managerRoles, scope: "a manager whose subtree holds the applicant's organisation" },
  admitMember: { roles: managerRoles, scope: "a manager whose subtree holds the applicant's organisation" },
  convertToFullMember: { roles: managerRoles, scope: membersOrganisation },
  extendProbation: { roles: managerRoles, scope: membersOrganisation },
  requestTransfer: { roles: managerRoles, self: 'member', scope: `the member themself, or ${membersOrganisation}` },
  approveTransfer: { roles: managerRoles, scope: "the sending organisation's managers" },
  rejectTransfer: { roles: managerRoles, scope: "either organisation's managers" },
  completeTransfer: { roles: managerRoles, scope: "the receiving organisation's managers" },
  // The receipt (回执) of the introduction letter comes back to the side that issued it.
  recordTransferReceipt: { roles: managerRoles, scope: "the sending organisation's managers" },
  registerWithCommunity: { roles: managerRoles, self: 'member', scope: `the member themself, or ${membersOrganisation}` },
  endRegistration: { roles: managerRoles, self: 'member', scope: `the member themself, or ${membersOrganisation}` },
  recordFeedback: { roles: managerRoles, scope: "the registering community's managers" },
  checkInMigrant: { roles: managerRoles, self: 'member', scope: 'the member themself, or a manager of the station' },
  // Party dues (党费): the income base is sensitive personal information (PIPL), so only the member and the
  // secretaries of their organisation (COMMUNITY_SECRETARY whose subtree holds it) handle a member's dues.
  declareDuesBase: { roles: ['COMMUNITY_SECRETARY'], self: 'member', scope: `the member themself, or ${membersSecretaries}` },
  recordDuesPayment: { roles: ['COMMUNITY_SECRETARY'], scope: membersSecretaries },
  reverseDuesPayment: { roles: ['COMMUNITY_SECRETARY'], scope: membersSecretaries },
  grantDuesReduction: { roles: ['COMMUNITY_SECRETARY'], scope: membersSecretaries },
  // Step 2 of dissolving an organisation (docs/decisions/0010): the organizations service only.
  closeOrganizationMembership: { roles: [], scope: 'the organizations service, dissolving the organisation' },
} satisfies PolicyTable;
export type Change = keyof typeof changes;
export type TransferStep = 'approveTransfer' | 'rejectTransfer' | 'completeTransfer' | 'recordTransferReceipt';

/**
 * Changes made by uploading a file (issue 18, /imports/:kind, docs/decisions/0021) rather than by a
 * mutation: the same rule shape, each row's target checked against the scope as it is resolved.
 */
export const fileImports = {
  importMembers: { roles: managerRoles, scope: "a manager whose subtree holds every row's organisation" },
} satisfies PolicyTable;

/** How much of a member's record the caller may see. */
export type MemberAccess = 'full' | 'name';

interface Located {
  id: string;
  organizationId: string;
}

interface TransferParties {
  fromOrganizationId: string;
  toOrganizationId: string;
}

/**
 * The rules above, and who reads what, for one request. Personal data (phone, ID number, home address)
 * and the full record go to the member and to managers whose subtree holds the member's organisation;
 * anyone signed in but analysts sees names (leadership, volunteer lists); lists of persons are managers'.
 */
export class Policy {
  constructor(
    readonly actor: Actor,
    private readonly scope: Scope,
    private readonly peers: Peers,
  ) {}

  /** A change under the table's rule to what `organizationId` holds (for a rule with `self`, by the member `memberId`). */
  permit(change: Change, target: { organizationId: string; memberId?: string }): Promise<void> {
    return this.scope.permit(changes[change], target, msg('member.organizationOutside'));
  }

  /** A step of a transfer, decided by the managers of the side the table names. */
  async permitTransferStep(change: TransferStep, transfer: TransferParties): Promise<void> {
    if (change === 'approveTransfer' || change === 'recordTransferReceipt')
      return this.permit(change, { organizationId: transfer.fromOrganizationId });
    if (change === 'completeTransfer') return this.permit(change, { organizationId: transfer.toOrganizationId });
    if (await this.manages(transfer.toOrganizationId)) return this.permit(change, { organizationId: transfer.toOrganizationId });
    return this.permit(change, { organizationId: transfer.fromOrganizationId });
  }

  /** A change whose targets are checked one by one later (an import's rows): the table's roles first. */
  permitRole(change: keyof typeof fileImports): void {
    requireRole(this.actor, ...fileImports[change].roles);
  }

  /** A change only a service makes (the table names no role). */
  permitService(change: Change): void {
    requireRole(this.actor, ...changes[change].roles);
  }

  /** The organisations the actor manages; null when the actor sees everything. */
  managedOrganizations(): Promise<ReadonlySet<string> | null> {
    return this.scope.managedOrganizations();
  }

  manages(organizationId: string): Promise<boolean> {
    return this.scope.manages(organizationId);
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

  /** Reading what an organisation holds (its members, an applicant, a transfer): its managers. */
  async requireManagerOf(organizationId: string): Promise<void> {
    requireRole(this.actor, ...managerRoles);
    if (!(await this.manages(organizationId))) throw new ForbiddenError(msg('member.organizationOutside'));
  }

  /** Lists of persons: managers (limited to their subtree) and district staff only. */
  async listScope(): Promise<string[] | null> {
    requireRole(this.actor, ...managerRoles);
    const scope = await this.managedOrganizations();
    return scope && [...scope];
  }

  /** A member's dues and income base: the member and the secretaries whose subtree holds the member's organisation. */
  async readsDuesOf(member: Located): Promise<boolean> {
    const { role, memberId } = this.actor;
    if (role === 'SERVICE') return true;
    if (role === 'MEMBER') return memberId === member.id;
    return role === 'COMMUNITY_SECRETARY' && (await this.manages(member.organizationId));
  }

  async requireDuesReaderOf(member: Located): Promise<void> {
    if (this.actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
    if (!(await this.readsDuesOf(member))) throw new ForbiddenError(msg('dues.readersOnly'));
  }

  /** An organisation's members in dues arrears (persons, amounts that reveal a base): its secretaries. */
  async requireArrearsReader(organizationId: string): Promise<void> {
    if (this.actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
    if (this.actor.role === 'SERVICE') return;
    if (this.actor.role !== 'COMMUNITY_SECRETARY' || !(await this.manages(organizationId)))
      throw new ForbiddenError(msg('dues.secretariesOnly'));
  }

  /** Dues totals of an organisation for a month: analysts, and the managers of its subtree. */
  async requireDuesTotalsReader(organizationId: string): Promise<void> {
    if (this.actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
    if (this.actor.role === 'ANALYST') return;
    requireRole(this.actor, ...managerRoles);
    if (!(await this.manages(organizationId))) throw new ForbiddenError(msg('dues.summaryReaders'));
  }

  /** Feedback on a community's registered member: the managers of that community. */
  async permitCommunity(change: Change, communityId: string): Promise<void> {
    requireRole(this.actor, ...changes[change].roles);
    await this.requireCommunityInScope(communityId);
  }

  /** A community's registered members: its managers (the community's own organisation in their subtree). */
  async requireManagerOfCommunity(communityId: string): Promise<void> {
    requireRole(this.actor, ...managerRoles);
    await this.requireCommunityInScope(communityId);
  }

  private async requireCommunityInScope(communityId: string): Promise<void> {
    if (seesAll(this.actor)) return;
    const [community] = await this.peers.find('Community', [communityId]);
    const organizationId = community?.partyOrganizationId;
    if (!organizationId || !(await this.manages(organizationId))) throw new ForbiddenError(msg('scope.communityOutside'));
  }
}
