import { addDays, msg, startOfDay, today, ValidationError } from '@cpb/kit';
import type { OpeningWindow, Weekday } from '../entities';

/** Weekdays in the order the week is shown (Monday first). */
export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
/** Date.getUTCDay() order. */
const BY_DAY_NUMBER: readonly Weekday[] = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const MAX_WINDOWS = 28;

/** Minutes after midnight of an HH:MM time; 24:00 only where a window closes at midnight. */
function minutes(field: string, value: string, closing: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const total = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || total > 24 * 60 || (total === 24 * 60 && !closing)) {
    throw new ValidationError(field, msg(closing ? 'openingHours.closingTime' : 'openingHours.time', { field, value }));
  }
  return total;
}

/** Validates weekly windows (each opens before it closes, none overlaps another on its day) and sorts them. */
export function checkOpeningHours(windows: readonly OpeningWindow[], field = 'openingHours'): OpeningWindow[] {
  if (windows.length > MAX_WINDOWS) throw new ValidationError(field, msg('openingHours.tooMany', { max: MAX_WINDOWS }));
  const sorted = [...windows].sort(
    (a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || a.opensAt.localeCompare(b.opensAt),
  );
  let previousDay: Weekday | null = null;
  let previousCloses = 0;
  for (const window of sorted) {
    const opens = minutes(field, window.opensAt, false);
    const closes = minutes(field, window.closesAt, true);
    if (opens >= closes)
      throw new ValidationError(
        field,
        msg('openingHours.opensBeforeCloses', { weekday: window.weekday, opensAt: window.opensAt, closesAt: window.closesAt }),
      );
    if (previousDay === window.weekday && opens < previousCloses) {
      throw new ValidationError(field, msg('openingHours.overlap', { weekday: window.weekday, at: window.opensAt }));
    }
    previousDay = window.weekday;
    previousCloses = closes;
  }
  return sorted.map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt }));
}

/** The instants [from, to) when the resource is open, as merged [start, end) ms intervals. */
export function openIntervals(windows: readonly OpeningWindow[], from: Date, to: Date): [number, number][] {
  const start = from.getTime();
  const end = to.getTime();
  const intervals: [number, number][] = [];
  // Day by day in the district's calendar, from the day `from` falls on.
  for (let date = today(from), day = startOfDay(date).getTime(); day < end; date = addDays(date, 1), day = startOfDay(date).getTime()) {
    const weekday = BY_DAY_NUMBER[new Date(`${date}T00:00:00Z`).getUTCDay()];
    for (const window of windows) {
      if (window.weekday !== weekday) continue;
      const opens = Math.max(start, day + minutes('opensAt', window.opensAt, false) * 60_000);
      const closes = Math.min(end, day + minutes('closesAt', window.closesAt, true) * 60_000);
      if (opens < closes) intervals.push([opens, closes]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    // Touching windows (Monday until 24:00, Tuesday from 00:00) are one open stretch.
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
  return merged;
}

/** True when the resource is open for the whole of [startsAt, endsAt). */
export function isOpenThroughout(windows: readonly OpeningWindow[], startsAt: Date, endsAt: Date): boolean {
  const open = openIntervals(windows, startsAt, endsAt);
  return open.length === 1 && open[0][0] === startsAt.getTime() && open[0][1] === endsAt.getTime();
}

/** Hours the resource is open within [from, to). */
export function openHours(windows: readonly OpeningWindow[], from: Date, to: Date): number {
  return openIntervals(windows, from, to).reduce((sum, [a, b]) => sum + (b - a), 0) / 3_600_000;
}

/** Open hours in one week. */
export function weeklyOpenHours(windows: readonly OpeningWindow[]): number {
  return windows.reduce((sum, w) => sum + (minutes('closesAt', w.closesAt, true) - minutes('opensAt', w.opensAt, false)) / 60, 0);
}
