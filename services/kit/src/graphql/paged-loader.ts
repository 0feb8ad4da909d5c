import DataLoader from 'dataloader';
import { toConnection, type Connection, type Page } from './pagination';

export interface PagedRows<T> {
  /** Up to `limit + 1` rows per parent (the extra one tells that a next page exists). */
  rows: T[];
  totals: Map<string, number>;
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
        return parentIds.map((id) => toConnection(grouped.get(id) ?? [], page, keyOf, totals.get(id) ?? 0));
      });
      byPage.set(pageKey, loader);
    }
    return loader;
  };
}
