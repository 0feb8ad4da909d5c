import DataLoader from 'dataloader';
import { NotFoundError } from '../errors';
import type { TermValue } from '../messages';
import { uuid } from '../validation';

/**
 * A per-request loader of records by key: one batched query for all keys asked in the same tick,
 * results returned in key order, null where nothing matched.
 */
export function keyedLoader<K, V>(fetchMany: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const found = new Map<K, V>();
    for (const value of await fetchMany(keys)) found.set(keyOf(value), value);
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** A per-request loader of the records grouped under each key (one-to-many), in one batched query. */
export function groupedLoader<K, V>(fetchMany: (keys: readonly K[]) => Promise<V[]>, groupOf: (value: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const value of await fetchMany(keys)) groups.get(groupOf(value))?.push(value);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A per-request loader of one computed value per key (counts, sums), defaulting where absent. */
export function valueLoader<K, V>(fetchMany: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: V): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const values = await fetchMany(keys);
    return keys.map((key) => values.get(key) ?? fallback);
  });
}

/** One loader per distinct argument set (a field with arguments batches per argument set). */
export function perArguments<A, L>(make: (args: A) => L): (args: A) => L {
  const made = new Map<string, L>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = made.get(key);
    if (!loader) {
      loader = make(args);
      made.set(key, loader);
    }
    return loader;
  };
}

/**
 * The record a change names (id checked first), read to authorise against it before the change's
 * transaction; NOT_FOUND naming the argument when there is none. The loader forgets it again: the
 * change is about to alter it, and the answer's nested fields must read it afresh.
 */
export async function loadExisting<T>(
  loader: DataLoader<string, T | null>,
  what: TermValue<'entity'>,
  id: string,
  field: string,
): Promise<T> {
  const key = uuid(field, id);
  const found = await loader.load(key);
  loader.clear(key);
  if (!found) throw new NotFoundError(what, id, field);
  return found;
}
