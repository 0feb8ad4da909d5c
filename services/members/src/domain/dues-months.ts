/**
 * Months of dues as `YYYY-MM` (the calendar month in the district's time zone), and the rules on them
 * that need no database: which months a member owes from, runs of unpaid months.
 */
export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** Months since year 0: consecutive months differ by one. */
export function monthIndex(period: Period): number {
  const [y, m] = period.split('-').map(Number);
  return y * 12 + (m - 1);
}

export function periodOf(index: number): Period {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month a calendar day (`YYYY-MM-DD`) lies in. */
export function periodOfDay(day: string): Period {
  return day.slice(0, 7);
}

/** `YYYY-MM` → the first day of the month, as stored (`date`). */
export function firstDay(period: Period): string {
  return `${period}-01`;
}

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(periodOf(i));
  return out;
}

/**
 * The first month a member owes dues for a year: a member pays from the day they became probationary,
 * so from the month of `joinedOn` (that month included), and never before `fromMonth` of the base.
 */
export function firstOwedMonth(year: number, fromMonth: number, joinedOn: string): Period | null {
  const declared = periodOf(year * 12 + fromMonth - 1);
  const joined = periodOfDay(joinedOn);
  const first = monthIndex(joined) > monthIndex(declared) ? joined : declared;
  return monthIndex(first) > year * 12 + 11 ? null : first;
}

/** The longest run of consecutive months in `periods` (any order, no duplicates). */
export function longestRun(periods: readonly Period[]): number {
  const sorted = periods.map(monthIndex).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  sorted.forEach((index, i) => {
    run = i > 0 && index === sorted[i - 1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/** Unpaid for six consecutive months or more: flagged for the branch (连续6个月不交纳党费). */
export const LONG_ARREARS_MONTHS = 6;
