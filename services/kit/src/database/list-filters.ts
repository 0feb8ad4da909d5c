import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Narrows a list query by `column = value` for each filter value that is set (a dashboard leaves
 * the others out: null, undefined or empty), the usual shape of a list's filter, written once.
 * Keys are SQL columns (`n.status`); each value is a named parameter of its own.
 */
export function whereEquals<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  conditions: Record<string, unknown>,
): SelectQueryBuilder<T> {
  for (const [column, value] of Object.entries(conditions)) {
    if (!value) continue;
    const parameter = `eq_${column.replace(/\W/g, '_')}`;
    query.andWhere(`${column} = :${parameter}`, { [parameter]: value });
  }
  return query;
}
