import type { DataSource } from 'typeorm';
import { scheduleStep, type ScheduledStep, type ScheduleOptions } from './scheduled-step';

/**
 * Runs a `DELETE … LIMIT $n` statement (the batch size is its last parameter) until a batch comes back
 * short: a batch per statement, so no transaction grows large. Returns how many rows went.
 */
export async function deleteInBatches(
  dataSource: Pick<DataSource, 'query'>,
  statement: string,
  params: unknown[],
  batchSize: number,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [, count] = (await dataSource.query(statement, [...params, batchSize])) as [unknown, number];
    deleted += count;
    if (count < batchSize) return deleted;
  }
}

/** A pruning schedule: the kit's one scheduled step (`scheduleStep`), run as a deletion. */
export type Pruner = ScheduledStep;

/** Prunes at start and then every `intervalMs` (default hourly); `describe` words the log line of a run that removed something. */
export function schedulePruning(options: Omit<ScheduleOptions, 'run'> & { prune: () => Promise<number> }): Pruner {
  const { prune, ...rest } = options;
  return scheduleStep({ ...rest, run: prune });
}
