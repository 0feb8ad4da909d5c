import { check, msg, now, startOfDay, ValidationError } from '@cpb/kit';

const DAY_MS = 86_400_000;

/** Lists over time are bounded so one field never reads years of rows. */
export const MAX_PERIOD_DAYS = 366;
const DEFAULT_BOOKING_WINDOW_DAYS = 30;

export interface Period {
  from: Date;
  to: Date;
}

function bounded(period: Period, toField: string): Period {
  if (period.to <= period.from) throw new ValidationError(toField, msg('date.after', { field: toField, other: 'from' }));
  if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    throw new ValidationError(toField, msg('period.tooLong', { max: MAX_PERIOD_DAYS }));
  return period;
}

/** A window of date-times for booking lists: from defaults to now, to to 30 days after from. */
export function bookingWindow(from: string | null | undefined, to: string | null | undefined, at: Date = now()): Period {
  const start = from ? check.isoDateTime('from', from) : at;
  const end = to ? check.isoDateTime('to', to) : new Date(start.getTime() + DEFAULT_BOOKING_WINDOW_DAYS * DAY_MS);
  return bounded({ from: start, to: end }, 'to');
}

/** Local calendar dates [from, to) as instants, for utilisation and reports. */
export function datePeriod(from: string, to: string): Period {
  const start = startOfDay(check.isoDate('from', from));
  const end = startOfDay(check.isoDate('to', to));
  return bounded({ from: start, to: end }, 'to');
}
