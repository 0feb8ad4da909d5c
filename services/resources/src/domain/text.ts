import { ValidationError, check } from '@cpb/kit';

/** Free text that may be empty (descriptions), trimmed, at most `max` characters. */
export function freeText(field: string, value: string | null | undefined, max: number): string {
  const trimmed = (value ?? '').trim();
  if ([...trimmed].length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

/** Distinct valid ids, between `min` and `max` of them. */
export function idList(field: string, ids: readonly string[], min: number, max: number): string[] {
  const distinct = [...new Set(ids.map((id) => check.uuid(field, id)))];
  if (distinct.length < min) throw new ValidationError(field, `${field} needs at least ${min} id${min === 1 ? '' : 's'}`);
  if (distinct.length > max) throw new ValidationError(field, `${field} takes at most ${max} ids`);
  return distinct;
}
