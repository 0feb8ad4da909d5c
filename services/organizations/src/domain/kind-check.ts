import type { OrganizationKind } from '../entities';

export interface KindCheckInput {
  kind: OrganizationKind;
  /** Members in the organisation's subtree, as the members service counts them. */
  memberCount: number;
  fullMemberCount: number;
  hasFullTimeDeputySecretary: boolean;
}

export interface KindCheck {
  fits: boolean;
  recommendedKind: OrganizationKind;
  reason: string;
}

/** Thresholds from the working regulations: committee from 100 members, general branch from 50, branch needs 3 full. */
export const COMMITTEE_FROM = 100;
export const GENERAL_BRANCH_FROM = 50;
export const BRANCH_MIN_FULL_MEMBERS = 3;

function kindForSize(memberCount: number): OrganizationKind {
  if (memberCount >= COMMITTEE_FROM) return 'COMMITTEE';
  if (memberCount >= GENERAL_BRANCH_FROM) return 'GENERAL_BRANCH';
  return 'BRANCH';
}

const names: Record<OrganizationKind, string> = {
  WORKING_COMMITTEE: 'working committee (党工委)',
  COMMITTEE: 'committee (党委)',
  GENERAL_BRANCH: 'general branch (党总支)',
  BRANCH: 'branch (党支部)',
  PARTY_GROUP: 'Party group (党小组)',
};

/** Kind follows size (根据党员数分别组建): shows where an organisation's kind no longer fits its membership. */
export function kindCheck(input: KindCheckInput): KindCheck {
  const { kind, memberCount, fullMemberCount } = input;
  if (kind === 'WORKING_COMMITTEE' || kind === 'PARTY_GROUP') {
    return { fits: true, recommendedKind: kind, reason: `A ${names[kind]} is not set up by size` };
  }
  const recommendedKind = kindForSize(memberCount);
  if (kind === 'BRANCH' && fullMemberCount < BRANCH_MIN_FULL_MEMBERS) {
    return { fits: false, recommendedKind: 'BRANCH', reason: `${fullMemberCount} full members: a branch needs at least ${BRANCH_MIN_FULL_MEMBERS}; join a joint branch (联合支部) or add members` };
  }
  if (kind !== recommendedKind) {
    return { fits: false, recommendedKind, reason: `${memberCount} members suit a ${names[recommendedKind]}, not a ${names[kind]}` };
  }
  if (kind === 'COMMITTEE' && !input.hasFullTimeDeputySecretary) {
    return { fits: false, recommendedKind, reason: 'A committee needs a current full-time deputy secretary (专职副书记)' };
  }
  return { fits: true, recommendedKind, reason: `${memberCount} members suit a ${names[kind]}` };
}
