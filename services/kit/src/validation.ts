import { ValidationError } from './errors';

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A real calendar date in YYYY-MM-DD form, or a refusal naming the field. */
export function isoDate(field: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new ValidationError(field, `${field} must be a date written YYYY-MM-DD`);
  return value;
}

/** An ISO 8601 date-time with a zone, or a refusal naming the field. */
export function isoDateTime(field: string, value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) throw new ValidationError(field, `${field} must be an ISO 8601 date-time, e.g. 2026-05-01T09:00:00+08:00`);
  return date;
}

/** A trimmed name of 1 to `max` characters, or a refusal naming the field. */
export function name(field: string, value: string, max = 50): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || [...trimmed].length > max) throw new ValidationError(field, `${field} must be 1 to ${max} characters`);
  return trimmed;
}

/** A UUID, or a refusal naming the field (so a typo is BAD_USER_INPUT, not a database error). */
export function uuid(field: string, value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new ValidationError(field, `${field} is not a valid id`);
  return value.toLowerCase();
}
