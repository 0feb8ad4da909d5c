import { ValidationError } from './errors';
import { msg } from './messages';

/**
 * The years a date or date-time may fall in: wide enough for the oldest member's birth date and for
 * plans decades ahead, narrow enough that no year reaches the database as 0000, 9999 or negative.
 */
export const YEARS = { min: 1900, max: 2100 } as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Whether year-month-day names a day that exists, in the years accepted. */
function realDay(year: number, month: number, day: number): boolean {
  if (year < YEARS.min || year > YEARS.max || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** A real calendar date in YYYY-MM-DD form, years 1900 to 2100, or a refusal naming the field. */
export function isoDate(field: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || !realDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new ValidationError(field, msg('input.date', { field, ...YEARS }));
  }
  return value;
}

/** RFC 3339: date, T, hours and minutes (seconds and fractions optional), and a zone: Z or ±HH:MM. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time with a zone, parsed strictly: a day that exists (no 30 February rolled over
 * into March), hours 00-23, a zone that is given (never guessed as the server's or UTC) and within
 * ±14:00, years 1900 to 2100. Anything else is a refusal naming the field.
 */
export function isoDateTime(field: string, value: string): Date {
  const m = DATE_TIME.exec(value);
  const within = (text: string | undefined, max: number) => Number(text ?? 0) <= max;
  const zoneOk = m && (m[8] === 'Z' || (within(m[11], 59) && Number(m[10]) * 60 + Number(m[11]) <= 14 * 60));
  if (!m || !realDay(Number(m[1]), Number(m[2]), Number(m[3])) || !within(m[4], 23) || !within(m[5], 59) || !within(m[6], 59) || !zoneOk) {
    throw new ValidationError(field, msg('input.dateTime', { field, ...YEARS }));
  }
  return new Date(value);
}

/** A calendar year in the accepted range (filters by year), or a refusal naming the field. */
export function year(field: string, value: number): number {
  if (!Number.isInteger(value) || value < YEARS.min || value > YEARS.max)
    throw new ValidationError(field, msg('input.year', { field, ...YEARS }));
  return value;
}

/** A trimmed name of 1 to `max` characters, or a refusal naming the field. */
export function name(field: string, value: string, max = 50): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || [...trimmed].length > max) throw new ValidationError(field, msg('input.length', { field, max }));
  return trimmed;
}

/** A name that may be left out (a place, an ethnicity): null when missing or blank, else as `name`. */
export function optionalName(field: string, value: string | null | undefined, max = 50): string | null {
  return value == null || value.trim() === '' ? null : name(field, value, max);
}

/** Free text that may be empty (a description): trimmed, at most `max` characters, or a refusal naming the field. */
export function freeText(field: string, value: string | null | undefined, max: number): string {
  const trimmed = (value ?? '').trim();
  if ([...trimmed].length > max) throw new ValidationError(field, msg('input.tooLong', { field, max }));
  return trimmed;
}

/** A search fragment: trimmed, null when blank (no filter), at most `max` characters. Match it with `likeContains`. */
export function searchText(field: string, value: string | null | undefined, max: number): string | null {
  return freeText(field, value, max) || null;
}

/** A UUID, or a refusal naming the field (so a typo is BAD_USER_INPUT, not a database error). */
export function uuid(field: string, value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    throw new ValidationError(field, msg('input.id', { field }));
  return value.toLowerCase();
}
