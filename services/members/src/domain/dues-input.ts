import { check, msg, today, ValidationError } from '@cpb/kit';
import { firstDay, isPeriod } from './dues-months';

/** Argument checks the dues use cases share; each refusal names its field (BAD_USER_INPUT). */

export function checkYear(field: string, year: number): number {
  const latest = Number(today().slice(0, 4)) + 1;
  if (!Number.isInteger(year) || year < 2008 || year > latest) throw new ValidationError(field, msg('dues.year', { field, latest }));
  return year;
}

/** `YYYY-MM` → the stored first day of the month. */
export function checkPeriod(field: string, value: string): string {
  if (!isPeriod(value)) throw new ValidationError(field, msg('dues.period', { field, value }));
  return firstDay(value);
}

export function checkPositiveFen(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > 2_000_000_000)
    throw new ValidationError(field, msg('dues.amountPositive', { field }));
  return value;
}

/** A day something happened (received, approved): a date, not after today. */
export function checkPastDay(field: string, value: string | null | undefined): string {
  const day = check.isoDate(field, value ?? today());
  if (day > today()) throw new ValidationError(field, msg('dues.inFuture', { field, value: day }));
  return day;
}
