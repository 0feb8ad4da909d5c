import { addDays, msg, startOfDay, timeZone, today, ValidationError } from '@cpb/kit';
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

interface CalendarDay {
  /** The day's midnight in the district's zone, ms. */
  midnight: number;
  weekday: Weekday;
}

/** Calendars already laid out, per zone and period: a page of resources asks for the same period's days each. */
const calendars = new Map<string, CalendarDay[]>();
const MAX_CALENDARS = 64;

/** The district's calendar days that [from, to) touches, from the day `from` falls on. */
function calendarDays(from: Date, to: Date): CalendarDay[] {
  const key = `${timeZone()} ${from.getTime()} ${to.getTime()}`;
  let days = calendars.get(key);
  if (days === undefined) {
    days = [];
    const end = to.getTime();
    for (let date = today(from), day = startOfDay(date).getTime(); day < end; date = addDays(date, 1), day = startOfDay(date).getTime()) {
      days.push({ midnight: day, weekday: BY_DAY_NUMBER[new Date(`${date}T00:00:00Z`).getUTCDay()] });
    }
    if (calendars.size >= MAX_CALENDARS) calendars.delete(calendars.keys().next().value!);
    calendars.set(key, days);
  }
  return days;
}

/** The instants [from, to) when the resource is open, as merged [start, end) ms intervals. */
export function openIntervals(windows: readonly OpeningWindow[], from: Date, to: Date): [number, number][] {
  const start = from.getTime();
  const end = to.getTime();
  const intervals: [number, number][] = [];
  // Each window's minutes parsed once, not once per day of the period.
  const parsed = windows.map((w) => ({
    weekday: w.weekday,
    opens: minutes('opensAt', w.opensAt, false) * 60_000,
    closes: minutes('closesAt', w.closesAt, true) * 60_000,
  }));
  for (const { midnight, weekday } of calendarDays(from, to)) {
    for (const window of parsed) {
      if (window.weekday !== weekday) continue;
      const opens = Math.max(start, midnight + window.opens);
      const closes = Math.min(end, midnight + window.closes);
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
