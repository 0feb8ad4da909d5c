import { addDays, startOfDay } from './clock';
import { ValidationError } from './errors';
import { msg } from './messages';
import { isoDate } from './validation';

/**
 * Periods are asked in calendar days as people in the district see them: the kit's clock, in the
 * district's time zone (China Standard Time by default). Shared by the dashboards' statistics
 * (activities) and organisational life's compliance (organizations).
 */

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

function dayStart(field: string, date: string): Date {
  return startOfDay(isoDate(field, date));
}

function dayEnd(field: string, date: string): Date {
  return startOfDay(addDays(isoDate(field, date), 1));
}

/** Reads `from`/`to` (YYYY-MM-DD, inclusive); either may be left open. Refusals name the argument. */
export function readOpenPeriod(from?: string | null, to?: string | null): Period {
  const start = from == null ? null : dayStart('from', from);
  const end = to == null ? null : dayEnd('to', to);
  if (start && end && end <= start) throw new ValidationError('to', msg('date.notBeforeField', { field: 'to', other: 'from' }));
  return { from: from ?? null, to: to ?? null, start, end };
}

/** A period with both ends given: what statistics are asked over. */
export function readPeriod(from: string, to: string): ClosedPeriod {
  const start = dayStart('from', from);
  const end = dayEnd('to', to);
  if (end <= start) throw new ValidationError('to', msg('date.notBeforeField', { field: 'to', other: 'from' }));
  return { from, to, start, end };
}
