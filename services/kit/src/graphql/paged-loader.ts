import DataLoader from 'dataloader';
import { toConnection, type Connection, type Page } from './pagination';

/** Each parent's total, counted (one grouped statement for all the parents) only when first asked for. */
export type LazyTotals = () => Promise<Map<string, number>>;

export interface PagedRows<T> {
  /** Up to `limit + 1` rows per parent (the extra one tells that a next page exists). */
  rows: T[];
  totals: LazyTotals;
}

/**
 * `count` (rows of the parent column `key` and `n`) deferred until a connection's `totalCount` is
 * selected, and run once for all the parents of the batch.
 */
export function lazyTotals<K extends string>(key: K, count: () => Promise<({ [P in K]: string } & { n: number })[]>): LazyTotals {
  let counted: Promise<Map<string, number>> | undefined;
  return () => (counted ??= count().then((rows) => new Map(rows.map((r) => [r[key], r.n]))));
}

/**
 * Per-request loaders of one page of children for many parents (e.g. each community's activities):
 * one batched fetch per distinct page request, however many parents ask, instead of one per parent.
 */
export function pagedLoader<T, K>(
  fetchPages: (parentIds: readonly string[], page: Page<K>) => Promise<PagedRows<T>>,
  parentOf: (row: T) => string,
  keyOf: (row: T) => K,
): (page: Page<K>) => DataLoader<string, Connection<T>> {
  const byPage = new Map<string, DataLoader<string, Connection<T>>>();
  return (page) => {
    const pageKey = JSON.stringify(page);
    let loader = byPage.get(pageKey);
    if (!loader) {
      loader = new DataLoader<string, Connection<T>>(async (parentIds) => {
        const { rows, totals } = await fetchPages(parentIds, page);
        const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) grouped.get(parentOf(row))?.push(row);
        return parentIds.map((id) => toConnection(grouped.get(id) ?? [], page, keyOf, async () => (await totals()).get(id) ?? 0));
      });
      byPage.set(pageKey, loader);
    }
    return loader;
  };
}
