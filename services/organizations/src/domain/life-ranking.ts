import type { ClosedPeriod } from '@cpb/kit';
import { complianceOf, endedWindows, type HeldOnDay } from './compliance';
import type { MeetingRhythms } from './meeting-types';
import type { RankedOrganization } from '../data/life-reads';

/** One organisation of a subtree against the rhythm: its windows due, meetings held, windows overdue. */
export interface OrganizationStanding {
  organization: RankedOrganization;
  due: number;
  held: number;
  overdue: number;
  /** 1 for the organisation furthest behind. */
  rank: number;
}

/** A standing's position in the ranking: overdue windows (most first), name, id. */
export type StandingKey = [number, string, string];
export const keyOfStanding = (s: OrganizationStanding): StandingKey => [s.overdue, s.organization.name, s.organization.id];

function compare(a: StandingKey, b: StandingKey): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/**
 * The organisations of a subtree that are behind (a window due with no meeting of its type), furthest
 * behind first: computed from the records like `lifeCompliance`, for all of them at once (the held
 * meetings come grouped from one statement, never one per organisation). Organisations that hold no
 * meetings of any type the rhythm asks for are not weighed.
 */
export function behindRanking(
  organizations: RankedOrganization[],
  held: HeldOnDay[],
  rhythms: MeetingRhythms,
  period: ClosedPeriod,
  today: string,
): { weighed: number; behind: OrganizationStanding[] } {
  const heldBy = new Map<string, HeldOnDay[]>();
  for (const h of held) {
    const of = heldBy.get(h.organizationId);
    if (of) of.push(h);
    else heldBy.set(h.organizationId, [h]);
  }
  let weighed = 0;
  const behind: OrganizationStanding[] = [];
  const ended = endedWindows(period, today, rhythms);
  for (const organization of organizations) {
    const types = complianceOf(organization, organization.hasCommittee, period, today, heldBy.get(organization.id) ?? [], rhythms, ended);
    if (!types.length) continue;
    weighed += 1;
    let due = 0;
    let heldCount = 0;
    let overdue = 0;
    for (const t of types) {
      due += t.due;
      heldCount += t.held;
      overdue += t.overdue.length;
    }
    if (overdue > 0) behind.push({ organization, due, held: heldCount, overdue, rank: 0 });
  }
  behind.sort((a, b) => compare(keyOfStanding(a), keyOfStanding(b)));
  behind.forEach((s, i) => (s.rank = i + 1));
  return { weighed, behind };
}

/** The rows after the cursor's position in an order sorted by `compare` (a page of a list computed in memory). */
export function afterStanding(rows: OrganizationStanding[], after: StandingKey | null): OrganizationStanding[] {
  if (!after) return rows;
  return rows.filter((r) => compare(keyOfStanding(r), after) > 0);
}
