import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@cpb/kit';

/** A list's sort key: one column, then the id that makes the order total. */
export type SortKey = [string, string];

/**
 * One keyset page of a filtered query (`limit + 1` rows, the extra one says a next page exists) and
 * the filter's total. `columns` are SQL column expressions; `direction` applies to both.
 */
export async function keysetPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: [string, string], direction: 'ASC' | 'DESC', page: Page<SortKey>): Promise<{ rows: T[]; total: number }> {
  const total = await query.clone().getCount();
  if (page.after) {
    query.andWhere(`(${columns[0]}, ${columns[1]}) ${direction === 'ASC' ? '>' : '<'} (:afterKey, :afterId)`, { afterKey: page.after[0], afterId: page.after[1] });
  }
  const rows = await query.orderBy(columns[0], direction).addOrderBy(columns[1], direction).limit(page.limit + 1).getMany();
  return { rows, total };
}

/** `%text%` for LIKE, with the caller's wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
