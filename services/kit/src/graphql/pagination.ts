import { ValidationError } from '../errors';
import { msg } from '../messages';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated page request: `limit` rows after the position `after` (decoded sort key), if any. */
export interface Page<K> {
  limit: number;
  after: K | null;
}

/** Bounds `first` (1..100) and decodes the opaque cursor; both refusals name the argument. */
export function readPage<K>(args: PageArgs): Page<K> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError('first', msg('page.first', { field: 'first', max: MAX_PAGE_SIZE }));
  }
  return { limit: first, after: args.after != null ? decodeCursor<K>(args.after) : null };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor's position: always a JSON array (the kit's seal has already vouched for it). */
export function decodeCursor<K>(cursor: string): K {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length === 0) throw new ValidationError('after', msg('page.foreignCursor', { field: 'after' }));
  return key as K;
}

/**
 * A list's total: a number, or a function that counts, which GraphQL's default field resolver
 * calls only when the query selects `totalCount`.
 */
export type TotalCount = number | (() => number | Promise<number>);

/** A count run on first call only (then remembered): what lists hand their connection as `totalCount`. */
export type LazyCount = () => Promise<number>;

/**
 * `count` deferred until a caller selects `totalCount`, and run once however many times it is read:
 * counting every row matching a filter is the slowest part of a page on a large data set.
 */
export function lazyCount(count: () => Promise<number>): LazyCount {
  let counted: Promise<number> | undefined;
  return () => (counted ??= count());
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: TotalCount;
}

/**
 * Builds a Relay connection from rows fetched with `limit + 1` (the extra row only tells
 * whether a next page exists). `keyOf` gives the sort key a cursor encodes.
 */
export function toConnection<T>(rows: T[], page: Page<unknown>, keyOf: (row: T) => unknown, totalCount?: TotalCount): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}
