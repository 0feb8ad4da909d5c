import type { AbsenceRun } from '../data/life-reads';

/**
 * 自行脱党 (Party constitution, art. 9): six consecutive months without organisational life, or without
 * paying dues, without good reason. The system flags; the branch decides. Organisational life comes from
 * this service's records, dues from the members service's ledger (its six-month arrears flag); both
 * are computed from the records on each request, never stored as totals.
 */
export const SIX_MONTHS = 6;

/** What the members service says of a subtree: who of the absent it still holds, and who owes six months in a row. */
export interface DuesFacts {
  held: string[];
  longArrears: { memberId: string; since: string; months: number }[];
}

export type FlagReason = 'ORGANIZATIONAL_LIFE' | 'DUES';

export interface SixMonthFlag {
  memberId: string;
  reasons: FlagReason[];
  /** YYYY-MM: the first month of the run without organisational life. */
  absentSince: string | null;
  absentMonths: number | null;
  /** YYYY-MM: the first month of the run of unpaid dues. */
  unpaidSince: string | null;
  unpaidMonths: number | null;
}

/**
 * One list for the branch, by member id: members it holds now with a run of absence (those who left
 * since are the new branch's), and members owing six months' dues in a row, each once with its reasons.
 */
export function sixMonthFlags(absences: AbsenceRun[], dues: DuesFacts): SixMonthFlag[] {
  const held = new Set(dues.held);
  const flags = new Map<string, SixMonthFlag>();
  const flagOf = (memberId: string) => {
    let flag = flags.get(memberId);
    if (!flag)
      flags.set(memberId, (flag = { memberId, reasons: [], absentSince: null, absentMonths: null, unpaidSince: null, unpaidMonths: null }));
    return flag;
  };
  for (const run of absences) {
    if (!held.has(run.memberId)) continue;
    Object.assign(flagOf(run.memberId), { absentSince: run.since.slice(0, 7), absentMonths: run.months }).reasons.push(
      'ORGANIZATIONAL_LIFE',
    );
  }
  for (const arrears of dues.longArrears)
    Object.assign(flagOf(arrears.memberId), { unpaidSince: arrears.since.slice(0, 7), unpaidMonths: arrears.months }).reasons.push('DUES');
  return [...flags.values()].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

/**
 * The dues facts of one subtree out of those asked for several at once (a list page's organisations in
 * one call to members): the members that subtree's organisations hold now. `organizationOf` gives where
 * each member of the answer is held.
 */
export function duesFactsWithin(
  facts: DuesFacts,
  subtree: ReadonlySet<string>,
  organizationOf: ReadonlyMap<string, string | null>,
): DuesFacts {
  const inSubtree = (memberId: string) => {
    const organizationId = organizationOf.get(memberId);
    return organizationId != null && subtree.has(organizationId);
  };
  return { held: facts.held.filter(inSubtree), longArrears: facts.longArrears.filter((a) => inSubtree(a.memberId)) };
}

/** How many are flagged for each reason, and for both. */
export function flagCounts(flags: SixMonthFlag[]): { organizationalLife: number; dues: number; both: number } {
  const count = (reason: FlagReason) => flags.filter((f) => f.reasons.includes(reason)).length;
  return {
    organizationalLife: count('ORGANIZATIONAL_LIFE'),
    dues: count('DUES'),
    both: flags.filter((f) => f.reasons.length === 2).length,
  };
}
