import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';

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

export interface Pruner {
  /** Stops the schedule and waits for a prune in flight (before the pool closes). */
  stop(): Promise<void>;
}

/**
 * Prunes at start and then every `intervalMs` (default hourly), one run at a time; a failure is logged
 * and tried again at the next tick. `describe` words the log line of a run that removed something.
 */
export function schedulePruning(options: { prune: () => Promise<number>; logger: Logger; component: string; describe: string; logFields?: Record<string, unknown>; intervalMs?: number }): Pruner {
  const log = options.logger.child({ component: options.component });
  let running: Promise<void> | undefined;
  const prune = () => {
    running ??= options
      .prune()
      .then((count) => void (count && log.info({ count, ...options.logFields }, `${options.component}: ${options.describe}`)))
      .catch((error: unknown) => log.warn({ err: error }, `${options.component}: pruning failed, will try again`))
      .finally(() => (running = undefined));
  };
  prune();
  const timer = setInterval(prune, options.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
