import { today } from '../clock';

/** Dates as tests in the district need them, on the services' one clock (Asia/Shanghai by default). */

const DAY = 86_400_000;

/** A calendar day in the district, `days` before today. */
export function daysAgo(days: number): string {
  return today(new Date(Date.now() - days * DAY));
}

export function yearsAgo(years: number, extraDays = 0): string {
  const [y, m, d] = today().split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d - extraDays)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The local (UTC+8) date of the Monday `weeks` weeks after this week's, YYYY-MM-DD. */
export function mondayInWeeks(weeks: number): string {
  const localNow = new Date(Date.now() + 8 * 3_600_000);
  const thisMonday =
    Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate()) - ((localNow.getUTCDay() + 6) % 7) * DAY;
  return new Date(thisMonday + weeks * 7 * DAY).toISOString().slice(0, 10);
}

/** A local (UTC+8) date-time, as a dashboard in the district would send it. */
export function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000);
