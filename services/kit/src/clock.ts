/**
 * The district's one clock. Dates that mean a calendar day (founded on, applied on, raised on) are the
 * day as people in the district see it, in its time zone (`TIME_ZONE`, Asia/Shanghai by default), never
 * the server's or UTC's: between 00:00 and 08:00 Beijing time the UTC date is still yesterday. Every
 * service takes "now" and "today" from here, so they agree on both.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface Zone {
  name: string;
  parts: Intl.DateTimeFormat;
}

const zoneOf = (name: string): Zone => ({
  name,
  parts: new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }),
});

let zone = zoneOf(DEFAULT_TIME_ZONE);

/** Whether the runtime knows `name` as an IANA time zone (what the config accepts). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Sets the district's time zone (once, at start-up, from the validated config). */
export function useTimeZone(name: string): void {
  if (!isTimeZone(name)) throw new RangeError(`Unknown time zone: ${name}`);
  zone = zoneOf(name);
}

export function timeZone(): string {
  return zone.name;
}

/** The current instant. */
export function now(): Date {
  return new Date();
}

/** The wall-clock fields of an instant in the district's zone. */
function wallClock(at: Date): { date: string; time: string; utcMs: number } {
  const p = Object.fromEntries(zone.parts.formatToParts(at).map(({ type, value }) => [type, value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  return {
    date,
    time,
    utcMs: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)),
  };
}

/** How far the district's wall clock is ahead of UTC at an instant, in ms (+8 h in China, all year). */
function offsetAt(at: Date): number {
  return wallClock(at).utcMs - Math.floor(at.getTime() / 1000) * 1000;
}

/** The calendar day (YYYY-MM-DD) of an instant in the district: today, by default. */
export function today(at: Date = now()): string {
  return wallClock(at).date;
}

/** Midnights already computed (per zone and date): periods and opening hours ask for the same days again and again. */
const midnights = new Map<string, number>();

/** The instant a calendar day (YYYY-MM-DD) begins in the district. */
export function startOfDay(date: string): Date {
  const key = `${zone.name} ${date}`;
  let midnight = midnights.get(key);
  if (midnight === undefined) {
    const asUtc = Date.parse(`${date}T00:00:00Z`);
    // The offset at the guess, then at the corrected instant (they differ only across a DST change).
    const guess = asUtc - offsetAt(new Date(asUtc));
    midnight = asUtc - offsetAt(new Date(guess));
    if (midnights.size >= 10_000) midnights.clear();
    midnights.set(key, midnight);
  }
  return new Date(midnight);
}

/** An instant as the district reads it, e.g. "2026-05-01 09:00" (for refusals a person reads). */
export function localDateTime(at: Date): string {
  const { date, time } = wallClock(at);
  return `${date} ${time}`;
}

/** The calendar day `days` after `date` (before, when negative), YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` later (the month's last day when it is shorter, e.g. 31 August + 6 = 28 February), YYYY-MM-DD. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The same day `years` later (28 February for 29 February in a common year), YYYY-MM-DD. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}
