import type { DataSource } from 'typeorm';
import { deleteInBatches, schedulePruning, type Pruner } from '../database/pruning';
import type { Logger } from '../logger';

const PRUNE_BATCH = `
  DELETE FROM idempotency_key WHERE ctid IN (
    SELECT ctid FROM idempotency_key WHERE expires_at < now() LIMIT $1)`;

/** Deletes expired keys, a batch per statement so no transaction grows large; returns how many. */
export function pruneIdempotencyKeys(dataSource: Pick<DataSource, 'query'>, batchSize = 5_000): Promise<number> {
  return deleteInBatches(dataSource, PRUNE_BATCH, [], batchSize);
}

/** Prunes expired keys at start and then every `intervalMs` (default hourly); an expired key is ignored before then anyway. */
export function startIdempotencyPruner(options: { dataSource: DataSource; logger: Logger; intervalMs?: number }): Pruner {
  return schedulePruning({
    prune: () => pruneIdempotencyKeys(options.dataSource),
    logger: options.logger,
    component: 'idempotency',
    describe: 'pruned expired keys',
    intervalMs: options.intervalMs,
  });
}
