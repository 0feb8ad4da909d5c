import { check, msg, ValidationError } from '@cpb/kit';

/** Free text that may be empty (descriptions), trimmed, at most `max` characters: the kit's rule. */
export const freeText = check.freeText;

/** Distinct valid ids, between `min` and `max` of them. */
export function idList(field: string, ids: readonly string[], min: number, max: number): string[] {
  const distinct = [...new Set(ids.map((id) => check.uuid(field, id)))];
  if (distinct.length < min) throw new ValidationError(field, msg('ids.tooFew', { field, min }));
  if (distinct.length > max) throw new ValidationError(field, msg('ids.tooMany', { field, max }));
  return distinct;
}
