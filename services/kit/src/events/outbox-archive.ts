import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { deleteInBatches, schedulePruning, type Pruner } from '../database/pruning';
import type { Logger } from '../logger';

/**
 * Published outbox rows stay as the service's event archive, from which `events:republish` replays
 * history older than the topics keep. The default, 1,826 days (5 years), is one term of a community
 * Party organisation, so a read model of a whole term can always be rebuilt; it is well beyond the
 * topics' 400 days (docs/events.md, "Retention and replay").
 */
export const outboxArchiveEnvSchema = z.object({
  OUTBOX_ARCHIVE_DAYS: z.coerce.number().int().min(1, 'keep published events at least one day').default(1826),
});

/** Lets the pruner find old published rows without reading the archive. */
export class IndexOutboxArchive1767000000000 implements MigrationInterface {
  name = 'IndexOutboxArchive1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_published_at_idx`);
  }
}

const PRUNE_BATCH = `
  DELETE FROM outbox WHERE seq IN (
    SELECT seq FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1) LIMIT $2)`;

/** Deletes published rows older than `keepDays`, a batch per statement so no transaction grows large; returns how many. */
export function pruneOutboxArchive(dataSource: Pick<DataSource, 'query'>, keepDays: number, batchSize = 5_000): Promise<number> {
  return deleteInBatches(dataSource, PRUNE_BATCH, [keepDays], batchSize);
}

export type OutboxPruner = Pruner;

/** Prunes the archive at start and then every `intervalMs` (default hourly); unpublished rows are never touched. */
export function startOutboxPruner(options: {
  dataSource: DataSource;
  keepDays: number;
  logger: Logger;
  intervalMs?: number;
}): OutboxPruner {
  return schedulePruning({
    prune: () => pruneOutboxArchive(options.dataSource, options.keepDays),
    logger: options.logger,
    component: 'outbox-archive',
    describe: 'pruned published events',
    logFields: { keepDays: options.keepDays },
    intervalMs: options.intervalMs,
  });
}
