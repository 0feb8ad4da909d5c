import { check } from '@cpb/kit';

/** A filter with its id fields checked, so a typo is BAD_USER_INPUT naming the field, never a database error. */
export function checkedFilter<F extends object>(filter: F | null | undefined, idFields: readonly (keyof F & string)[]): Partial<F> {
  const checked: Record<string, unknown> = { ...(filter ?? {}) };
  for (const field of idFields) {
    const value = checked[field];
    if (typeof value === 'string') checked[field] = check.uuid(`filter.${field}`, value);
  }
  return checked as Partial<F>;
}

/** An id argument, checked. */
export function checkedId(id: string, field = 'id'): string {
  return check.uuid(field, id);
}
