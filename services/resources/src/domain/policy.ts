import {
  check,
  ForbiddenError,
  managerRoles,
  msg,
  requireRole,
  seesAll,
  type Actor,
  type Peers,
  type PolicyTable,
  type Role,
  type Scope,
} from '@cpb/kit';

/**
 * Who may change co-building (the README's matrix, "Who may see and change what"; docs/decisions/0004),
 * one row per change: the managers of the organisation tree run it; a unit's liaison (联络员) also offers
 * and books the unit's resources and reports its commitments. The roles are checked from this table;
 * `Policy` below checks that the record lies in the caller's scope, before the change's transaction.
 */
const offerAndBook: Role[] = [...managerRoles, 'UNIT_LIAISON'];
const unitOrManagers = "the unit's liaison, or a manager whose subtree holds the unit";
const communityManagers = "a manager whose subtree holds the community's organisation";
export const changes = {
  publishResource: { roles: offerAndBook, scope: unitOrManagers },
  setOpeningHours: { roles: offerAndBook, scope: unitOrManagers },
  withdrawResource: { roles: offerAndBook, scope: unitOrManagers },
  bookResource: {
    roles: offerAndBook,
    scope: `${unitOrManagers}, booking for an organisation in their scope (a liaison: its unit's or its community's)`,
  },
  cancelBooking: { roles: offerAndBook, scope: unitOrManagers },
  signAgreement: { roles: managerRoles, scope: communityManagers },
  addCommitment: { roles: managerRoles, scope: `${communityManagers} (the agreement's community)` },
  progressCommitment: { roles: offerAndBook, scope: "the partner unit's liaison, or a manager of the agreement's community" },
  terminateAgreement: { roles: managerRoles, scope: `${communityManagers} (the agreement's community)` },
  renewAgreement: { roles: managerRoles, scope: `${communityManagers} (the agreement's community)` },
  raiseNeed: { roles: managerRoles, scope: communityManagers },
  matchNeed: { roles: managerRoles, scope: `${communityManagers} (the need's community)` },
  startProject: { roles: managerRoles, scope: `${communityManagers} (the project's community)` },
  completeProject: { roles: managerRoles, scope: `${communityManagers} (the project's community)` },
  recordJointMeeting: { roles: managerRoles, scope: 'a manager whose subtree holds the convener' },
  // Reactions to activities' events: only the event consumer (a service) makes these.
  releaseBookingForActivity: { roles: [], scope: 'the activities event consumer' },
  attachBookingToActivity: { roles: [], scope: 'the activities event consumer' },
} satisfies PolicyTable;
export type Change = keyof typeof changes;

/**
 * The resource catalogue is public (anonymous callers browse it); bookings, agreements, needs,
 * projects and joint meetings are the co-building records of signed-in users only (any role,
 * analysts included): these fields, root and entity references alike, refuse anyone else.
 */
export const reads = {
  Query: ['booking', 'bookings', 'agreement', 'agreements', 'need', 'needs', 'project', 'projects', 'jointMeeting', 'jointMeetings'],
  Resource: ['bookings', 'utilization'],
  Booking: ['__resolveReference'],
  Agreement: ['__resolveReference'],
  Need: ['__resolveReference'],
  Project: ['__resolveReference'],
  ResidentUnit: ['agreements'],
  Community: ['needs', 'agreements', 'coBuilding'],
  Organization: ['agreements'],
};

/**
 * The rules above for one request. Scope: a unit's liaison acts for that unit only; street and community
 * managers for units and communities inside their organisation subtree (the kit's `Scope`, read from
 * organizations at the moment of the change, so it follows the tree as it moves).
 */
export class Policy {
  constructor(
    private readonly actor: Actor,
    private readonly scope: Scope,
    private readonly peers: Peers,
  ) {}

  /** The role the table names for the change (services pass); the scope check follows where there is one. */
  permit(change: Change): void {
    requireRole(this.actor, ...changes[change].roles);
  }

  async unit(unitId: string): Promise<void> {
    if (seesAll(this.actor)) return;
    if (this.actor.role === 'UNIT_LIAISON') {
      if (this.actor.unitId !== unitId) throw new ForbiddenError(msg('liaison.ownUnitOnly'));
      return;
    }
    requireRole(this.actor, 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
    const [unit] = await this.peers.find('ResidentUnit', [unitId]);
    await this.organization(unit?.communityPartyOrganizationId);
  }

  /** A change to a record of a community (an agreement, a need, a project): the role first, then the record, then its community's scope. */
  async communityRecord<R extends { communityId: string }>(change: Change, read: () => Promise<R>): Promise<R> {
    this.permit(change);
    const record = await read();
    await this.community(record.communityId);
    return record;
  }

  async community(communityId: string): Promise<void> {
    if (seesAll(this.actor)) return;
    requireRole(this.actor, 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
    const [community] = await this.peers.find('Community', [check.uuid('communityId', communityId)]);
    await this.organization(community?.partyOrganizationId);
  }

  /** An organisation acting (a meeting's convener, a booking's booker) inside the subtree a street or community manager runs. */
  async actingOrganization(organizationId: string): Promise<void> {
    if (seesAll(this.actor)) return;
    requireRole(this.actor, 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
    await this.organization(organizationId);
  }

  /** Who a booking is for: a liaison books for their unit's organisation or its community's; managers within their subtree. */
  async booker(bookedById: string): Promise<void> {
    if (this.actor.role !== 'UNIT_LIAISON') return this.actingOrganization(bookedById);
    const [unit] = this.actor.unitId ? await this.peers.find('ResidentUnit', [this.actor.unitId]) : [];
    if (!unit || (unit.partyOrganizationId !== bookedById && unit.communityPartyOrganizationId !== bookedById)) {
      throw new ForbiddenError(msg('liaison.booksForOwn'));
    }
  }

  /** Progress on an agreement's commitments: the partner unit's liaison, or the managers of its community. */
  async agreementParty(agreement: { communityId: string; partnerUnitId: string }): Promise<void> {
    if (this.actor.role === 'UNIT_LIAISON') {
      if (this.actor.unitId !== agreement.partnerUnitId) throw new ForbiddenError(msg('liaison.ownAgreementsOnly'));
      return;
    }
    await this.community(agreement.communityId);
  }

  /** Whether the organisation lies in the actor's subtree (district administrators: everywhere). */
  manages(organizationId: string): Promise<boolean> {
    return this.scope.manages(organizationId);
  }

  private async organization(organizationId: string | null | undefined): Promise<void> {
    if (!(await this.scope.manages(organizationId))) throw new ForbiddenError(msg('scope.outside'));
  }
}
