import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';

const PRUNE_BATCH = `
  DELETE FROM idempotency_key WHERE ctid IN (
    SELECT ctid FROM idempotency_key WHERE expires_at < now() LIMIT $1)`;

/** Deletes expired keys, a batch per statement so no transaction grows large; returns how many. */
export async function pruneIdempotencyKeys(dataSource: Pick<DataSource, 'query'>, batchSize = 5_000): Promise<number> {
  let pruned = 0;
  for (;;) {
    const [, deleted] = (await dataSource.query(PRUNE_BATCH, [batchSize])) as [unknown, number];
    pruned += deleted;
    if (deleted < batchSize) return pruned;
  }
}

/** Prunes expired keys at start and then every `intervalMs` (default hourly); an expired key is ignored before then anyway. */
export function startIdempotencyPruner(options: { dataSource: DataSource; logger: Logger; intervalMs?: number }): { stop(): Promise<void> } {
  const log = options.logger.child({ component: 'idempotency' });
  let running: Promise<void> | undefined;
  const prune = () => {
    running ??= pruneIdempotencyKeys(options.dataSource)
      .then((count) => void (count && log.info({ count }, 'idempotency: pruned expired keys')))
      .catch((error: unknown) => log.warn({ err: error }, 'idempotency: pruning failed, will try again'))
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
