/**
 * The district's wall clock. Opening hours, "today" and calendar periods are local: China Standard
 * Time, UTC+8 all year (China keeps no daylight saving), so a fixed offset is exact.
 */
export const LOCAL_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The local calendar date of an instant, YYYY-MM-DD. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's local date. */
export function localToday(now = new Date()): string {
  return localDate(now);
}

/** The instant a local calendar date (YYYY-MM-DD) begins. */
export function localMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - LOCAL_OFFSET_MS;
}

/** A date `days` later (earlier when negative), YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `years` later (28 February for 29 February in a common year), YYYY-MM-DD. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** An instant as the district reads it, e.g. "2026-05-01 09:00" (for refusals a person reads). */
export function localDateTime(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
