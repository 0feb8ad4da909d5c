import type { MeetingType, OrganizationKind } from '../entities';

/**
 * Which organisations hold which meetings, and how often at least (the regulations' rhythm, domain.md
 * "Organisational life"): a branch's members' meeting and Party lesson each quarter; committee, Party
 * group and themed Party day monthly; the organisational life meeting and the democratic appraisal
 * of members yearly. A Party group holds its own group meetings; a committee's organisation its own
 * committee meetings; a branch holds committee meetings only where it has elected a committee.
 */
export interface MeetingRhythm {
  kinds: readonly OrganizationKind[];
  /** Held at least once in every period of this many months. */
  everyMonths: number;
}

const branches: OrganizationKind[] = ['BRANCH', 'GENERAL_BRANCH'];

export const meetingRhythms: Readonly<Record<MeetingType, MeetingRhythm>> = {
  MEMBERS_MEETING: { kinds: branches, everyMonths: 3 },
  COMMITTEE_MEETING: { kinds: ['BRANCH', 'GENERAL_BRANCH', 'COMMITTEE', 'WORKING_COMMITTEE'], everyMonths: 1 },
  PARTY_GROUP_MEETING: { kinds: ['PARTY_GROUP'], everyMonths: 1 },
  PARTY_LESSON: { kinds: [...branches, 'COMMITTEE'], everyMonths: 3 },
  THEMED_PARTY_DAY: { kinds: branches, everyMonths: 1 },
  ORGANIZATIONAL_LIFE_MEETING: { kinds: branches, everyMonths: 12 },
  DEMOCRATIC_APPRAISAL: { kinds: branches, everyMonths: 12 },
};

/** Whether an organisation of `kind` holds meetings of `type` at all. */
export function appliesTo(type: MeetingType, kind: OrganizationKind): boolean {
  return meetingRhythms[type].kinds.includes(kind);
}

/** A branch holds committee meetings only with a committee: some current seat beside the secretary's. */
export function needsElectedCommittee(type: MeetingType, kind: OrganizationKind): boolean {
  return type === 'COMMITTEE_MEETING' && kind === 'BRANCH';
}
