import type { MeetingType, OrganizationKind } from '../entities';

/**
 * Which organisations hold which meetings (domain.md "Organisational life"): a branch's members'
 * meeting, Party lesson, themed Party day, organisational life meeting and democratic appraisal; a
 * Party group its own group meetings; a committee's organisation its own committee meetings and
 * lessons; a branch holds committee meetings only where it has elected a committee. Who holds what
 * follows the Party's structure and is the same everywhere; how often is the district's to set
 * (`meeting_rhythm`, docs/decisions/0018).
 */
const branches: OrganizationKind[] = ['BRANCH', 'GENERAL_BRANCH'];

export const meetingKinds: Readonly<Record<MeetingType, readonly OrganizationKind[]>> = {
  MEMBERS_MEETING: branches,
  COMMITTEE_MEETING: ['BRANCH', 'GENERAL_BRANCH', 'COMMITTEE', 'WORKING_COMMITTEE'],
  PARTY_GROUP_MEETING: ['PARTY_GROUP'],
  PARTY_LESSON: [...branches, 'COMMITTEE'],
  THEMED_PARTY_DAY: branches,
  ORGANIZATIONAL_LIFE_MEETING: branches,
  DEMOCRATIC_APPRAISAL: branches,
};

/** Months between meetings of each type: held at least once in every window of this many months. */
export type MeetingRhythms = Readonly<Record<MeetingType, number>>;

/**
 * The regulations' rhythm: members' meeting and Party lesson each quarter; committee, Party group
 * and themed Party day monthly; organisational life meeting and democratic appraisal yearly. The
 * migration seeds `meeting_rhythm` with these; a district may change them.
 */
export const defaultRhythms: MeetingRhythms = {
  MEMBERS_MEETING: 3,
  COMMITTEE_MEETING: 1,
  PARTY_GROUP_MEETING: 1,
  PARTY_LESSON: 3,
  THEMED_PARTY_DAY: 1,
  ORGANIZATIONAL_LIFE_MEETING: 12,
  DEMOCRATIC_APPRAISAL: 12,
};

/** A rhythm divides the year, so its windows are calendar months, quarters, halves or years. */
export const RHYTHM_MONTHS = [1, 2, 3, 4, 6, 12] as const;

/** Whether an organisation of `kind` holds meetings of `type` at all. */
export function appliesTo(type: MeetingType, kind: OrganizationKind): boolean {
  return meetingKinds[type].includes(kind);
}

/** A branch holds committee meetings only with a committee: some current seat beside the secretary's. */
export function needsElectedCommittee(type: MeetingType, kind: OrganizationKind): boolean {
  return type === 'COMMITTEE_MEETING' && kind === 'BRANCH';
}
