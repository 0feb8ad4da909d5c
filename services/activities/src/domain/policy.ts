import type DataLoader from 'dataloader';
import {
  ForbiddenError,
  managerRoles,
  msg,
  requireRole,
  seesAll,
  valueLoader,
  type Actor,
  type Message,
  type Peers,
  type PolicyTable,
  type Scope,
} from '@cpb/kit';
import type { Activity } from '../entities';

/**
 * Who may change what in activities: the README's matrix ("Who may see and change what"), one row per
 * mutation. Scope is a subtree of the organisation tree, read from organizations at the moment of the
 * change (the kit's `Scope`), so moving an organisation moves who manages it (docs/decisions/0004).
 */
const organiser = "a manager whose subtree holds the activity's organiser";
const teamOrganisation = "a manager whose subtree holds the team's organisation";
export const changes = {
  createVolunteerTeam: { roles: managerRoles, scope: teamOrganisation },
  joinVolunteerTeam: { roles: managerRoles, self: 'person', scope: `the member themself, or ${teamOrganisation}` },
  leaveVolunteerTeam: { roles: managerRoles, self: 'person', scope: `the member themself, or ${teamOrganisation}` },
  changeVolunteerTeamLeader: { roles: managerRoles, scope: teamOrganisation },
  disbandVolunteerTeam: { roles: managerRoles, scope: teamOrganisation },
  createActivity: { roles: managerRoles, scope: organiser },
  updateActivity: { roles: managerRoles, scope: organiser },
  publishActivity: { roles: managerRoles, scope: organiser },
  changeActivityCapacity: { roles: managerRoles, scope: organiser },
  rescheduleActivity: { roles: managerRoles, scope: organiser },
  cancelActivity: { roles: managerRoles, scope: organiser },
  completeActivity: { roles: managerRoles, scope: organiser },
  signUp: { roles: managerRoles, self: 'person', scope: `the member themself, or ${organiser}` },
  cancelSignUp: { roles: managerRoles, self: 'person', scope: `the member themself, or ${organiser}` },
  checkIn: { roles: managerRoles, scope: organiser },
  checkOut: { roles: managerRoles, scope: organiser },
} satisfies PolicyTable;
export type Change = keyof typeof changes;

/**
 * Imports (issue 18, docs/decisions/0021): the roles here are checked first, then each row's team
 * against the scope as the file resolves it, as joinVolunteerTeam checks a manager's.
 */
export const fileImports = {
  importTeamMemberships: { roles: managerRoles, scope: `as joinVolunteerTeam for a manager: ${teamOrganisation}, for every row's team` },
} satisfies PolicyTable;

/** What of volunteering is not public, and who reads it (the non-public reads of the same matrix). */
export const reads = {
  draftActivity: "a manager whose subtree holds the organiser (in a community's list: its managers)",
  volunteerRecord: "the member themself, or a manager whose subtree holds the member's organisation",
  roster: organiser,
  personNames: "any signed-in user but analysts (team memberships, a member's teams, top volunteers)",
  aggregates: 'any signed-in user',
} as const;

/** Reading people (who signed up, who serves most, a member's teams) and aggregates: the kit's rules. */
export { requireAggregateReader as authorizeAggregates, requirePersonDataReader as authorizePersonData } from '@cpb/kit';

/**
 * The rules above, for one request. Drafts are plans: only the organiser's managers see them. A
 * member's volunteer record (where and when they served: whereabouts, sensitive under the PIPL) and an
 * activity's roster go to the member themself and the managers whose subtree holds the member's
 * organisation (for a roster: the organiser). Facts come from members and organizations in one
 * batched call per request level, so a page of members or activities asks them once.
 */
export class Policy {
  private readonly organizationOfMember: DataLoader<string, string | null>;
  private readonly organizationOfCommunity: DataLoader<string, string | null>;

  constructor(
    private readonly actor: Actor,
    private readonly scope: Scope,
    peers: Peers,
  ) {
    this.organizationOfMember = valueLoader(async (ids: readonly string[]) => {
      const found = await peers.find('Member', ids);
      return new Map(ids.map((id, i) => [id, found[i]?.organizationId ?? null]));
    }, null);
    this.organizationOfCommunity = valueLoader(async (ids: readonly string[]) => {
      const found = await peers.find('Community', ids);
      return new Map(ids.map((id, i) => [id, found[i]?.partyOrganizationId ?? null]));
    }, null);
  }

  /** A change to what `organizationId` runs (a team, an activity); for a rule with `self`, by or for `memberId`. */
  permit(change: Change, target: { organizationId: string; memberId?: string }): Promise<void> {
    return this.scope.permit(changes[change], target, msg('scope.thatOrganizationOutside'));
  }

  /** An import's roles (its rows' teams are checked one by one with `manages` as the file resolves them). */
  permitImport(change: keyof typeof fileImports): void {
    requireRole(this.actor, ...fileImports[change].roles);
  }

  /** Whether the actor manages this organisation (a manager whose subtree holds it); never refuses. */
  manages(organizationId: string | null): Promise<boolean> {
    return this.scope.manages(organizationId);
  }

  /** Whether the actor manages the community's own organisation (and so sees the drafts planned there). */
  async managesCommunity(communityId: string): Promise<boolean> {
    return seesAll(this.actor) || this.manages(await this.organizationOfCommunity.load(communityId));
  }

  /** A draft is a plan, not yet public: only its organiser's managers see it; anything else is as it is. */
  async shown(activity: Activity | null): Promise<Activity | null> {
    if (!activity || activity.status !== 'DRAFT') return activity;
    return (await this.manages(activity.organizerId)) ? activity : null;
  }

  /** A member's hours and participations: the member, or a manager of the member's organisation. */
  async requireHistoryReader(memberId: string): Promise<void> {
    if (this.actor.role !== 'ANONYMOUS' && this.actor.memberId === memberId) return;
    this.requireManager();
    if (!seesAll(this.actor))
      await this.requireManaged(await this.organizationOfMember.load(memberId), msg('activity.volunteerRecordOutside'));
  }

  /** An activity's roster (who signed up, when they came): the managers of its organiser. */
  async requireRosterReader(activity: Pick<Activity, 'organizerId'>): Promise<void> {
    this.requireManager();
    if (!seesAll(this.actor)) await this.requireManaged(activity.organizerId, msg('activity.participantsOutside'));
  }

  private requireManager(): void {
    requireRole(this.actor, 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
  }

  private async requireManaged(organizationId: string | null, refusal: Message): Promise<void> {
    if (!(await this.manages(organizationId))) throw new ForbiddenError(refusal);
  }
}
