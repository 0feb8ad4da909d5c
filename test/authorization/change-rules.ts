import { idNumberFor } from '@cpb/demo-world/testing';
import type { PersonaName } from '@cpb/demo-world/testing';

/**
 * Ids in community 0 / street 0 that the change probes aim at: in the demo managers' scope, outside
 * the "other" personas', not the demo liaison's unit (unit 0) and not the demo member (member 12).
 */
export interface Targets {
  street: string;
  community: string;
  organization: string;
  branch: string;
  otherBranch: string;
  migrantBranch: string;
  unit: string;
  unitWithoutOrganization: string;
  member: string;
  otherMember: string;
  probationer: string;
  applicant: string;
  candidate: string;
  transfer: string;
  registration: string;
  position: string;
  instructorAssignment: string;
  /** A payment of dues by `member` (the reversal probe's target). */
  duesPayment: string;
  team: string;
  teamMember: string;
  activity: string;
  draft: string;
  signedUp: string;
  resource: string;
  venue: string;
  booking: string;
  agreement: string;
  commitment: string;
  need: string;
  planned: string;
  /** The project the read probes ask about (the planned one). */
  project: string;
  active: string;
  meeting: string;
  /** A held meeting of organisational life (三会一课) of a branch in community 0. */
  lifeMeeting: string;
  /** A member with a registration (CommunityRegistration is reached through them). */
  registered: string;
  year: number;
  /** A month of `year` (1-12), for per-month totals. */
  month: number;
  from: string;
  to: string;
}

/** A change, who may make it (said once here), the in-scope persona that must not be refused, and a valid request. */
export interface ChangeRule {
  who: string;
  control: PersonaName;
  probe(t: Targets): { query: string; variables: Record<string, unknown> };
}

const managers = 'a manager whose subtree holds the target';
const selfOrManagers = 'the member themself, or a manager whose subtree holds the member (or the activity)';
const liaisonOrManagers = "the unit's liaison, or a manager whose subtree holds the unit";
const day = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const at = (offsetDays: number, time: string) => `${day(offsetDays)}T${time}:00+08:00`;
const m = (query: string, variables: Record<string, unknown>) => ({ query: `mutation${query}`, variables });

export const changeRules: Record<string, ChangeRule> = {
  // activities
  createVolunteerTeam: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }', {
        i: { name: '探针服务队', specialty: 'IT', organizationId: t.organization, leaderId: t.member },
      }),
  },
  joinVolunteerTeam: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) => m('($t: ID!, $m: ID!) { joinVolunteerTeam(teamId: $t, memberId: $m) { joinedOn } }', { t: t.team, m: t.otherMember }),
  },
  leaveVolunteerTeam: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) => m('($t: ID!, $m: ID!) { leaveVolunteerTeam(teamId: $t, memberId: $m) { leftOn } }', { t: t.team, m: t.teamMember }),
  },
  disbandVolunteerTeam: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($t: ID!) { disbandVolunteerTeam(teamId: $t) { id } }', { t: t.team }),
  },
  changeVolunteerTeamLeader: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($t: ID!, $m: ID!) { changeVolunteerTeamLeader(teamId: $t, memberId: $m) { id } }', { t: t.team, m: t.teamMember }),
  },
  createActivity: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($i: CreateActivityInput!) { createActivity(input: $i) { id } }', {
        i: {
          title: '探针活动',
          kind: 'VOLUNTEER_SERVICE',
          organizerId: t.organization,
          startsAt: at(20, '09:00'),
          endsAt: at(20, '11:00'),
          capacity: 10,
        },
      }),
  },
  updateActivity: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { updateActivity(id: $id, input: { title: "探针改名" }) { id } }', { id: t.draft }),
  },
  publishActivity: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { publishActivity(id: $id) { id } }', { id: t.draft }),
  },
  rescheduleActivity: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($id: ID!, $s: String!, $e: String!) { rescheduleActivity(id: $id, startsAt: $s, endsAt: $e) { id } }', {
        id: t.activity,
        s: at(21, '09:00'),
        e: at(21, '11:00'),
      }),
  },
  changeActivityCapacity: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { changeActivityCapacity(id: $id, capacity: 60) { id } }', { id: t.activity }),
  },
  cancelActivity: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { cancelActivity(id: $id) { id } }', { id: t.draft }),
  },
  completeActivity: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { completeActivity(id: $id) { id } }', { id: t.activity }),
  },
  signUp: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) => m('($a: ID!, $m: ID!) { signUp(activityId: $a, memberId: $m) { id } }', { a: t.activity, m: t.otherMember }),
  },
  cancelSignUp: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) => m('($a: ID!, $m: ID!) { cancelSignUp(activityId: $a, memberId: $m) { id } }', { a: t.activity, m: t.signedUp }),
  },
  checkIn: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($a: ID!, $m: ID!) { checkIn(activityId: $a, memberId: $m) { id } }', { a: t.activity, m: t.signedUp }),
  },
  checkOut: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($a: ID!, $m: ID!) { checkOut(activityId: $a, memberId: $m) { id } }', { a: t.activity, m: t.signedUp }),
  },
  // members
  createMember: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
        i: {
          name: '探针党员',
          gender: 'MALE',
          birthDate: '1980-01-01',
          ethnicity: '汉族',
          idNumber: idNumberFor('1980-01-01'),
          joinedOn: '2010-07-01',
          category: 'RETIRED',
          organizationId: t.branch,
        },
      }),
  },
  updateMember: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { updateMember(id: $id, input: { responsibilityArea: "探针楼" }) { id } }', { id: t.member }),
  },
  recordApplicant: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($i: RecordApplicantInput!) { recordApplicant(input: $i) { id } }', {
        i: {
          name: '探针申请人',
          gender: 'FEMALE',
          birthDate: '1995-03-03',
          ethnicity: '汉族',
          idNumber: idNumberFor('1995-03-03'),
          category: 'EMPLOYED',
          organizationId: t.branch,
        },
      }),
  },
  advanceApplicant: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { advanceApplicant(id: $id, stage: ACTIVIST) { id } }', { id: t.applicant }),
  },
  admitMember: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { admitMember(applicantId: $id) { id } }', { id: t.candidate }),
  },
  convertToFullMember: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { convertToFullMember(memberId: $id) { id } }', { id: t.probationer }),
  },
  extendProbation: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { extendProbation(memberId: $id, months: 6, reason: "探针") { id } }', { id: t.probationer }),
  },
  requestTransfer: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) =>
      m('($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "探针") { id } }', {
        m: t.otherMember,
        to: t.otherBranch,
      }),
  },
  approveTransfer: {
    who: "the sending organisation's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { approveTransfer(id: $id) { id } }', { id: t.transfer }),
  },
  rejectTransfer: {
    who: "either organisation's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { rejectTransfer(id: $id) { id } }', { id: t.transfer }),
  },
  completeTransfer: {
    who: "the receiving organisation's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { completeTransfer(id: $id) { id } }', { id: t.transfer }),
  },
  recordTransferReceipt: {
    who: "the sending organisation's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { recordTransferReceipt(id: $id) { id } }', { id: t.transfer }),
  },
  registerWithCommunity: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) => m('($m: ID!) { registerWithCommunity(memberId: $m) { id } }', { m: t.member }),
  },
  endRegistration: {
    who: selfOrManagers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { endRegistration(id: $id) { id } }', { id: t.registration }),
  },
  recordFeedback: {
    who: "the registering community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($id: ID!) { recordFeedback(registrationId: $id, rating: QUALIFIED, comment: "探针") { id } }', { id: t.registration }),
  },
  checkInMigrant: {
    who: 'the member themself, or a manager of the station',
    control: 'secretary',
    probe: (t) => m('($m: ID!, $o: ID!) { checkInMigrant(memberId: $m, organizationId: $o) { id } }', { m: t.member, o: t.migrantBranch }),
  },
  declareDuesBase: {
    who: 'the member themself, or a community secretary whose subtree holds the member',
    control: 'secretary',
    probe: (t) =>
      m('($m: ID!, $y: Int!) { declareDuesBase(input: { memberId: $m, year: $y, basis: STUDENT }) { id } }', { m: t.member, y: t.year }),
  },
  recordDuesPayment: {
    who: 'a community secretary whose subtree holds the member',
    control: 'secretary',
    probe: (t) =>
      m(
        '($m: ID!, $mo: String!) { recordDuesPayment(input: { memberId: $m, idempotencyKey: "probe", months: [$mo], amountFen: 20, channel: CASH }) { id } }',
        { m: t.member, mo: `${t.year}-12` },
      ),
  },
  reverseDuesPayment: {
    who: 'a community secretary whose subtree holds the member',
    control: 'secretary',
    probe: (t) => m('($p: ID!) { reverseDuesPayment(paymentId: $p, reason: "探针") { id } }', { p: t.duesPayment }),
  },
  grantDuesReduction: {
    who: 'a community secretary whose subtree holds the member',
    control: 'secretary',
    probe: (t) =>
      m(
        '($m: ID!, $mo: String!) { grantDuesReduction(input: { memberId: $m, kind: WAIVED, fromMonth: $mo, untilMonth: $mo, approvedBy: "支部委员会", reason: "探针" }) { id } }',
        { m: t.member, mo: `${t.year}-11` },
      ),
  },
  // organizations
  createStreet: {
    who: 'district administrators',
    control: 'districtAdmin',
    probe: () => m(' { createStreet(input: { name: "探针街道", district: "城东区" }) { id } }', {}),
  },
  createCommunity: {
    who: "the street's administrators",
    control: 'streetAdmin',
    probe: (t) => m('($s: ID!) { createCommunity(input: { streetId: $s, name: "探针社区" }) { id } }', { s: t.street }),
  },
  createGrid: {
    who: "the community's managers",
    control: 'secretary',
    probe: (t) => m('($c: ID!) { createGrid(communityId: $c, name: "探针网格") { id } }', { c: t.community }),
  },
  createResidentUnit: {
    who: "the community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($c: ID!) { createResidentUnit(input: { communityId: $c, name: "探针单位", category: SOCIAL_ORGANIZATION }) { id } }', {
        c: t.community,
      }),
  },
  linkResidentUnitOrganization: {
    who: "the community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($u: ID!, $o: ID!) { linkResidentUnitOrganization(residentUnitId: $u, organizationId: $o) { id } }', {
        u: t.unitWithoutOrganization,
        o: t.branch,
      }),
  },
  assignInstructor: {
    who: "the community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($u: ID!, $m: ID!) { assignInstructor(residentUnitId: $u, memberId: $m) { id } }', { u: t.unitWithoutOrganization, m: t.member }),
  },
  endInstructorAssignment: {
    who: "the community's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { endInstructorAssignment(id: $id) { id } }', { id: t.instructorAssignment }),
  },
  appointPosition: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($i: AppointPositionInput!) { appointPosition(input: $i) { id } }', {
        i: { organizationId: t.branch, memberId: t.member, role: 'COMMITTEE_MEMBER' },
      }),
  },
  endPosition: { who: managers, control: 'secretary', probe: (t) => m('($id: ID!) { endPosition(id: $id) { id } }', { id: t.position }) },
  createOrganization: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($p: ID!) { createOrganization(input: { name: "探针支部", kind: BRANCH, scope: COMMUNITY, parentId: $p }) { id } }', {
        p: t.organization,
      }),
  },
  renameOrganization: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { renameOrganization(id: $id, name: "探针更名支部") { id } }', { id: t.branch }),
  },
  moveOrganization: {
    who: 'a manager of both the organisation and its new parent',
    control: 'secretary',
    probe: (t) => m('($id: ID!, $p: ID!) { moveOrganization(id: $id, parentId: $p) { id } }', { id: t.branch, p: t.organization }),
  },
  dissolveOrganization: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { dissolveOrganization(id: $id) { id } }', { id: t.branch }),
  },
  recordMeeting: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m('($i: RecordMeetingInput!) { recordMeeting(input: $i) { id } }', {
        i: {
          organizationId: t.branch,
          type: 'THEMED_PARTY_DAY',
          startsAt: at(-2, '09:00'),
          place: '探针会议室',
          topic: '探针主题党日',
          attendance: [],
        },
      }),
  },
  correctMeeting: {
    who: managers,
    control: 'secretary',
    probe: (t) =>
      m(
        '($id: ID!) { correctMeeting(id: $id, input: { version: 1, reason: "探针更正", place: "探针会议室", topic: "探针更正", attendance: [] }) { id } }',
        { id: t.lifeMeeting },
      ),
  },
  cancelMeeting: {
    who: managers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { cancelMeeting(id: $id, reason: "探针撤销") { id } }', { id: t.lifeMeeting }),
  },
  setMeetingRhythm: {
    who: 'district administrators',
    control: 'districtAdmin',
    probe: () => m(' { setMeetingRhythm(type: DEMOCRATIC_APPRAISAL, everyMonths: 12) { type } }', {}),
  },
  // resources
  publishResource: {
    who: liaisonOrManagers,
    control: 'secretary',
    probe: (t) =>
      m('($i: PublishResourceInput!) { publishResource(input: $i) { id } }', {
        i: { providerId: t.unit, kind: 'SERVICE', name: '探针服务' },
      }),
  },
  setOpeningHours: {
    who: liaisonOrManagers,
    control: 'secretary',
    probe: (t) =>
      m(
        '($id: ID!) { setOpeningHours(resourceId: $id, openingHours: [{ weekday: MONDAY, opensAt: "08:00", closesAt: "20:00" }]) { id } }',
        { id: t.venue },
      ),
  },
  withdrawResource: {
    who: liaisonOrManagers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { withdrawResource(id: $id) { id } }', { id: t.resource }),
  },
  bookResource: {
    who: `${liaisonOrManagers}, booking for an organisation in their scope`,
    control: 'secretary',
    probe: (t) =>
      m('($i: BookResourceInput!) { bookResource(input: $i) { id } }', {
        i: {
          resourceId: t.venue,
          bookedById: t.organization,
          purpose: '探针',
          startsAt: at(40, '19:00'),
          endsAt: at(40, '20:00'),
          headcount: 5,
        },
      }),
  },
  cancelBooking: {
    who: liaisonOrManagers,
    control: 'secretary',
    probe: (t) => m('($id: ID!) { cancelBooking(id: $id) { id } }', { id: t.booking }),
  },
  signAgreement: {
    who: "the community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($i: SignAgreementInput!) { signAgreement(input: $i) { id } }', {
        i: {
          communityId: t.community,
          partnerUnitId: t.unit,
          title: '探针协议',
          validTo: day(400),
          communityLiaisonId: t.member,
          unitLiaisonId: t.otherMember,
        },
      }),
  },
  addCommitment: {
    who: "the agreement's community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($id: ID!) { addCommitment(agreementId: $id, input: { side: UNIT, item: "探针", dueBy: "' + day(30) + '" }) { id } }', {
        id: t.agreement,
      }),
  },
  progressCommitment: {
    who: "the partner unit's liaison, or the community's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { progressCommitment(commitmentId: $id, status: IN_PROGRESS, note: "探针") { id } }', { id: t.commitment }),
  },
  renewAgreement: {
    who: "the agreement's community's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!, $to: String!) { renewAgreement(id: $id, validTo: $to) { id } }', { id: t.agreement, to: day(1200) }),
  },
  terminateAgreement: {
    who: "the agreement's community's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { terminateAgreement(id: $id, reason: "探针") { id } }', { id: t.agreement }),
  },
  raiseNeed: {
    who: "the community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($c: ID!) { raiseNeed(input: { communityId: $c, title: "探针需求", category: ELDERLY_CARE }) { id } }', { c: t.community }),
  },
  matchNeed: {
    who: "the need's community's managers",
    control: 'secretary',
    probe: (t) =>
      m('($n: ID!, $r: ID!) { matchNeed(input: { needId: $n, title: "探针项目", resourceIds: [$r] }) { id } }', {
        n: t.need,
        r: t.resource,
      }),
  },
  startProject: {
    who: "the project's community's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { startProject(id: $id) { id } }', { id: t.planned }),
  },
  completeProject: {
    who: "the project's community's managers",
    control: 'secretary',
    probe: (t) => m('($id: ID!) { completeProject(id: $id, outcome: "探针") { id } }', { id: t.active }),
  },
  recordJointMeeting: {
    who: "the convener's managers",
    control: 'secretary',
    probe: (t) =>
      m(
        '($c: ID!, $u: ID!, $on: String!) { recordJointMeeting(input: { convenerId: $c, title: "探针会议", heldOn: $on, attendingUnitIds: [$u] }) { id } }',
        { c: t.organization, u: t.unit, on: day(0) },
      ),
  },
};
