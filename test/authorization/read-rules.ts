import type { PersonaName } from '@cpb/demo-world/testing';

/**
 * The stated read rule of every field the schema walk finds (schema-fields.ts): root queries, lists
 * and fields one service adds to another's entity. The probes ask about community 0 / street 0 (in the
 * demo users' scope, outside the "other" personas'), so each kind says who gets what:
 * - public: everyone, anonymous callers included;
 * - signedIn: any signed-in caller, analysts included (co-building records, aggregates); anonymous UNAUTHENTICATED;
 * - persons: names of people, for any signed-in caller but analysts (FORBIDDEN);
 * - managers: the target's own managers only (`control` may read it; the member too where it is theirs);
 *   everyone the test asks as is refused;
 * - scopedList: managers' lists, each row inside the caller's subtree (`rows` selects what places it);
 *   members, liaisons and analysts FORBIDDEN;
 * - trail: audit trails: the district, and a street administrator for its own street's targets only;
 * - totals: aggregates too close to persons for every member (dues totals): analysts and the target's own
 *   managers; members, liaisons and the other managers FORBIDDEN.
 * - counts: aggregates of a managed record (a meeting's frame and attendance counts): analysts and the
 *   target's managers; members, liaisons and managers of other subtrees FORBIDDEN.
 */
export type ReadRule =
  | { kind: 'public' | 'signedIn' | 'persons' | 'trail' | 'totals' | 'counts' }
  | { kind: 'managers'; control: PersonaName }
  | { kind: 'scopedList'; rows: string; placedIn: (node: Record<string, unknown>) => string[] };

const open: ReadRule = { kind: 'public' };
const signedIn: ReadRule = { kind: 'signedIn' };
const persons: ReadRule = { kind: 'persons' };
const managers: ReadRule = { kind: 'managers', control: 'secretary' };
const trail: ReadRule = { kind: 'trail' };
const totals: ReadRule = { kind: 'totals' };
const counts: ReadRule = { kind: 'counts' };
const byOrganization: ReadRule = {
  kind: 'scopedList',
  rows: 'organization { id }',
  placedIn: (n) => [(n.organization as { id: string }).id],
};

export const readRules: Record<string, ReadRule> = {
  // activities
  'Query.activity': open, // published ones; a draft only to its organiser's managers (activities-planning)
  'Query.volunteerTeam': open,
  'Query.volunteerTeams': open,
  'Query.activitiesAuditTrail': trail,
  'Activity.coOrganizers': open,
  'Activity.participants': managers, // the roster: the organiser's managers
  'Community.activities': open, // drafts listed only to the community's managers
  'Community.volunteerStats': signedIn,
  'Organization.volunteerStats': signedIn,
  'Member.volunteerHours': managers, // the member's volunteer record: the member and their managers
  'Member.participations': managers,
  'Member.teams': persons,
  'VolunteerStats.topVolunteers': persons, // the honour roll
  'VolunteerTeam.memberships': persons,
  // the to-do list (待办, issue 17): counts for analysts, items for the subtree's secretaries and administrators
  'Query.toDoList': counts,
  'ToDoList.members': counts,
  'ToDoList.coBuilding': counts,
  'ToDoSection.counts': counts,
  'ToDoSection.items': managers,
  // members
  'Query.member': persons, // the name; the record and personal fields have their own rules (member-fields.ts)
  'Query.members': byOrganization,
  'Query.applicant': managers,
  'Query.applicants': byOrganization,
  'Query.transfer': managers,
  'Query.transfers': {
    kind: 'scopedList',
    rows: 'fromOrganization { id } toOrganization { id }',
    placedIn: (n) => [(n.fromOrganization as { id: string }).id, (n.toOrganization as { id: string }).id],
  },
  'Query.membersAuditTrail': trail,
  'Member.skills': managers,
  'Member.registrations': managers,
  'Member.transfers': managers,
  'Member.migrantCheckIns': managers,
  'CommunityRegistration.feedback': managers,
  'Organization.memberCount': signedIn,
  'Organization.fullMemberCount': signedIn,
  'Organization.directMemberCount': signedIn,
  'Organization.members': managers,
  'Member.dues': managers, // the member and the secretaries of their organisation (services/members/test/dues.int.test.ts)
  'Organization.arrears': managers,
  // Inside Member.dues, which only the member and their secretaries reach.
  'MemberDues.bases': managers,
  'MemberDues.months': managers,
  'MemberDues.payments': managers,
  'MemberDues.reductions': managers,
  'DuesPayment.months': managers, // the organisation's community secretaries only
  'Organization.duesSummary': totals, // members and liaisons FORBIDDEN (members-dues)
  'Community.registeredMembers': managers,
  'CommunityCensus.members': signedIn,
  'CommunityCensus.activists': signedIn,
  'ResidentUnit.members': { kind: 'managers', control: 'districtAdmin' }, // who works where: district staff only
  // organizations
  'Query.streets': open,
  'Query.street': open,
  'Query.communities': open,
  'Query.community': open,
  'Query.organization': open,
  'Query.residentUnit': open,
  'Query.organizationsAuditTrail': trail,
  'Street.communities': open,
  'Community.grids': open,
  'Community.gridsPage': open,
  'Community.residentUnits': open,
  'Organization.subtreeIds': open,
  'Organization.children': open,
  'Organization.ancestors': open,
  'Organization.positions': persons, // leadership names
  'Query.meeting': counts, // organisational life: its frame and counts; the record (names, minutes) below
  'Organization.meetings': counts,
  'Organization.lifeCompliance': counts,
  'Organization.silentOrganizations': counts,
  'LifeCompliance.types': counts,
  'MeetingTypeCompliance.overdue': counts,
  'Meeting.history': managers,
  'MeetingRecord.attendance': managers,
  'Query.meetingRhythms': open, // the district's rule, no person in it
  'Organization.lifeComplianceRanking': counts,
  // Who (edges): the secretaries and street administrators in scope; how many: analysts too (organizational-life-follow-up).
  'Organization.sixMonthFlags': managers,
  'SixMonthFlag.reasons': managers,
  'Member.attendance': managers, // the member and their managers (analysts reach no member)
  'MemberAttendance.meetings': managers,
  // resources: the catalogue is public, co-building records are for signed-in callers
  'Query.resource': open,
  'Query.resources': open,
  'Query.booking': signedIn,
  'Query.bookings': signedIn,
  'Query.agreement': signedIn,
  'Query.agreements': signedIn,
  'Query.need': signedIn,
  'Query.needs': signedIn,
  'Query.project': signedIn,
  'Query.projects': signedIn,
  'Query.jointMeeting': signedIn,
  'Query.jointMeetings': signedIn,
  'Query.resourcesAuditTrail': trail,
  'Resource.openingHours': open,
  'Resource.bookings': signedIn,
  'ResidentUnit.resources': open,
  'ResidentUnit.agreements': signedIn,
  'Community.needs': signedIn,
  'Community.agreements': signedIn,
  'Community.coBuilding': signedIn,
  'Organization.agreements': signedIn,
  'Agreement.commitments': signedIn,
  'AgreementReview.doneCommitments': signedIn,
  'AgreementReview.openCommitments': signedIn,
  'Commitment.progressNotes': signedIn,
  'Need.projects': signedIn,
  'Project.resources': signedIn,
  'Project.partnerUnits': signedIn,
  'JointMeeting.attendingUnits': signedIn,
  'JointMeeting.resolutions': signedIn,
  'JointMeeting.planItems': signedIn,
};
