import {
  ForbiddenError,
  managerRoles,
  msg,
  managesPath,
  requireRole,
  seesAll,
  UnauthenticatedError,
  type Actor,
  type PolicyTable,
} from '@cpb/kit';
import type { StructureStore } from '../data/structure-store';
import type { Organization } from '../entities';

/**
 * Who may change the structure: the README's matrix ("Who may see and change what"), one row per
 * mutation. This service owns the tree, so scope is read from its own rows: the organisation's
 * materialised path must lie in the subtree of the actor's organisation (the kit's `managesPath`).
 * Each change is checked before its transaction, on the rows as read then, and again on the rows it
 * locks, since a concurrent move may have taken them out of the actor's subtree meanwhile.
 */
const organisation = 'a manager whose subtree holds the organisation';
const community = "the community's managers (its organisation's, or before it has one its street's working committee's)";
export const changes = {
  createStreet: { roles: ['DISTRICT_ADMIN'], scope: 'district administrators' },
  createCommunity: {
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN'],
    scope: "the street's administrators (its working committee in their subtree)",
  },
  createGrid: { roles: managerRoles, scope: community },
  createResidentUnit: { roles: managerRoles, scope: community },
  linkResidentUnitOrganization: { roles: managerRoles, scope: community },
  assignInstructor: { roles: managerRoles, scope: community },
  endInstructorAssignment: { roles: managerRoles, scope: community },
  appointPosition: { roles: managerRoles, scope: organisation },
  endPosition: { roles: managerRoles, scope: organisation },
  createOrganization: {
    roles: managerRoles,
    scope: 'a manager whose subtree holds the parent (an organisation without a parent: district administrators)',
  },
  renameOrganization: { roles: managerRoles, scope: organisation },
  moveOrganization: { roles: managerRoles, scope: 'a manager of both the organisation and its new parent' },
  dissolveOrganization: { roles: managerRoles, scope: organisation },
  recordMeeting: { roles: managerRoles, scope: organisation },
  correctMeeting: { roles: managerRoles, scope: organisation },
  cancelMeeting: { roles: managerRoles, scope: organisation },
  setMeetingRhythm: { roles: ['DISTRICT_ADMIN'], scope: "district administrators (the district's rhythm of organisational life)" },
} satisfies PolicyTable;
export type Change = keyof typeof changes;

/**
 * Imports (issue 18, docs/decisions/0021): the roles here are checked first, then each row's target
 * against the scope as the file resolves it, with the rule of the one-by-one mutation.
 */
export const fileImports = {
  importResidentUnits: { roles: managerRoles, scope: `as createResidentUnit: ${community}, for every row's community` },
} satisfies PolicyTable;

/** Reading people (leadership, instructors) and aggregates (census, kind checks): the kit's rules. */
export { requireAggregateReader as authorizeAggregates, requirePersonDataReader as authorizePersonData } from '@cpb/kit';

/** The rules above for one request's actor. */
export class Policy {
  constructor(private readonly actor: Actor) {}

  /** The role the table names for the change (what a change without a target in the tree needs: a new street). */
  permit(change: Change): void {
    requireRole(this.actor, ...changes[change].roles);
  }

  /** Meetings' frame and counts: analysts and district administrators everywhere, managers in their subtree. */
  seeMeetingCounts(organization: Pick<Organization, 'path'>): void {
    if (this.actor.role === 'ANALYST' || seesAll(this.actor)) return;
    this.seeMeetingRecords(organization);
  }

  /** Meetings' records (names, minutes, attendance): managers whose subtree holds the organisation. */
  seeMeetingRecords(organization: Pick<Organization, 'path'>): void {
    requireRole(this.actor, ...managerRoles);
    if (!managesPath(this.actor, organization.path)) throw new ForbiddenError(msg('meeting.outsideScope'));
  }

  /**
   * A member's attendance at organisational life: the member, and the managers whose subtree holds
   * the member's organisation (`organizationPath`, null when members does not know it); analysts the
   * counts (`countsOnly`), never the meeting-by-meeting record.
   */
  seeAttendance(memberId: string, organizationPath: string | null, countsOnly: boolean): void {
    if (this.actor.role === 'MEMBER' && this.actor.memberId === memberId) return;
    if (this.actor.role === 'ANALYST') {
      if (countsOnly) return;
      throw new ForbiddenError(msg('attendance.countsOnly'));
    }
    requireRole(this.actor, ...managerRoles);
    if (seesAll(this.actor)) return;
    if (!organizationPath || !managesPath(this.actor, organizationPath)) throw new ForbiddenError(msg('attendance.outsideScope'));
  }

  /**
   * Who the six-month list names (自行脱党 is the branch's decision about a person): the community
   * secretaries and street administrators whose subtree holds the organisation. Others who see
   * meeting counts (analysts, district administrators) read how many, never who.
   */
  seeSixMonthNames(organization: Pick<Organization, 'path'>): void {
    if (this.actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
    const names =
      (this.actor.role === 'COMMUNITY_SECRETARY' || this.actor.role === 'STREET_ADMIN') && managesPath(this.actor, organization.path);
    if (!names) throw new ForbiddenError(msg('lapse.secretariesOnly'));
  }

  /** An import's roles (its rows' targets are checked one by one as the file resolves them). */
  permitImport(change: keyof typeof fileImports): void {
    requireRole(this.actor, ...fileImports[change].roles);
  }

  /** Whether the caller manages what `scope` (a community's governing organisation) covers: the import's check per row. */
  managesScope(scope: Pick<Organization, 'path'> | null): boolean {
    return seesAll(this.actor) || (scope !== null && managesPath(this.actor, scope.path));
  }

  /** A change with no parent in the tree to hold it (a new root): district administrators only. */
  root(): void {
    requireRole(this.actor, 'DISTRICT_ADMIN');
  }

  /** A change to (or under) `organization`: a manager whose subtree holds it. */
  within(change: Change, organization: Pick<Organization, 'path' | 'name'>): void {
    this.permit(change);
    if (!managesPath(this.actor, organization.path))
      throw new ForbiddenError(msg('scope.organizationOutside', { name: organization.name }));
  }

  /** A change to a street with no organisation of its own yet: its street's committee decides. */
  streetLevel(change: Change, committee: Pick<Organization, 'path' | 'name'> | null): void {
    if (this.actor.role === 'DISTRICT_ADMIN') return;
    this.permit(change);
    if (!committee || !managesPath(this.actor, committee.path)) throw new ForbiddenError(msg('scope.streetOutside'));
  }

  /** A change inside a community: whoever manages its organisation (or, before it has one, its street). */
  async inCommunity(change: Change, store: StructureStore, communityId: string): Promise<void> {
    if (seesAll(this.actor)) return;
    const scope = await store.communityScope(communityId);
    if (!scope) throw new ForbiddenError(msg('street.districtOnly'));
    this.within(change, scope);
  }
}
