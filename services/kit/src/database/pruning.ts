import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { scheduleRecurring, type Recurring } from './recurring';

/**
 * Runs a `DELETE … LIMIT $n` statement (the batch size is its last parameter) until a batch comes back
 * short: a batch per statement, so no transaction grows large. Returns how many rows went.
 */
export async function deleteInBatches(dataSource: Pick<DataSource, 'query'>, statement: string, params: unknown[], batchSize: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [, count] = (await dataSource.query(statement, [...params, batchSize])) as [unknown, number];
    deleted += count;
    if (count < batchSize) return deleted;
  }
}

export type Pruner = Recurring;

/** Prunes at start and then every `intervalMs` (default hourly): the kit's recurring schedule. */
export function schedulePruning(options: { prune: () => Promise<number>; logger: Logger; component: string; describe: string; logFields?: Record<string, unknown>; intervalMs?: number }): Pruner {
  const { prune, ...rest } = options;
  return scheduleRecurring({ run: prune, ...rest });
}
