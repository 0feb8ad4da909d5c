import { msg, type Message } from '@cpb/kit';
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
  /** Why, as a catalogue message: the resolver renders it in the reader's language. */
  reason: Message;
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

/** Kind follows size (根据党员数分别组建): shows where an organisation's kind no longer fits its membership. */
export function kindCheck(input: KindCheckInput): KindCheck {
  const { kind, memberCount, fullMemberCount } = input;
  if (kind === 'WORKING_COMMITTEE' || kind === 'PARTY_GROUP') {
    return { fits: true, recommendedKind: kind, reason: msg('kindCheck.notBySize', { kind }) };
  }
  const recommendedKind = kindForSize(memberCount);
  if (kind === 'BRANCH' && fullMemberCount < BRANCH_MIN_FULL_MEMBERS) {
    return {
      fits: false,
      recommendedKind: 'BRANCH',
      reason: msg('kindCheck.tooFewFullMembers', { fullMemberCount, minimum: BRANCH_MIN_FULL_MEMBERS }),
    };
  }
  if (kind !== recommendedKind) {
    return { fits: false, recommendedKind, reason: msg('kindCheck.suitsAnother', { memberCount, recommended: recommendedKind, kind }) };
  }
  if (kind === 'COMMITTEE' && !input.hasFullTimeDeputySecretary) {
    return { fits: false, recommendedKind, reason: msg('kindCheck.committeeNeedsFullTimeDeputy') };
  }
  return { fits: true, recommendedKind, reason: msg('kindCheck.fits', { memberCount, kind }) };
}
