import { check, ValidationError } from '@cpb/kit';

/**
 * Dashboards count by calendar day as people in the district see it: China Standard Time,
 * UTC+8 all year (no daylight saving), so a fixed offset is exact.
 */
export const CHINA_OFFSET = '+08:00';
const DAY_MS = 86_400_000;

/** The instants [start, end) covering the calendar days `from`..`to` inclusive; a null end is open. */
export interface Period {
  from: string | null;
  to: string | null;
  start: Date | null;
  end: Date | null;
}
export interface ClosedPeriod extends Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** Midnight, China time, at the start of an ISO date. */
export function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00${CHINA_OFFSET}`);
}

/** Today's date in China (YYYY-MM-DD), the default for joining and founding dates. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function dayStart(field: string, date: string): Date {
  return chinaMidnight(check.isoDate(field, date));
}

function dayEnd(field: string, date: string): Date {
  return new Date(dayStart(field, date).getTime() + DAY_MS);
}

/** Reads `from`/`to` (YYYY-MM-DD, inclusive); either may be left open. Refusals name the argument. */
export function readOpenPeriod(from?: string | null, to?: string | null): Period {
  const start = from == null ? null : dayStart('from', from);
  const end = to == null ? null : dayEnd('to', to);
  if (start && end && end <= start) throw new ValidationError('to', 'to must not be before from');
  return { from: from ?? null, to: to ?? null, start, end };
}

/** A period with both ends given: what statistics are asked over. */
export function readPeriod(from: string, to: string): ClosedPeriod {
  const start = dayStart('from', from);
  const end = dayEnd('to', to);
  if (end <= start) throw new ValidationError('to', 'to must not be before from');
  return { from, to, start, end };
}
