import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { sharedGauge } from './registry';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/** The `pg` pool behind a TypeORM data source (TypeORM keeps it as the driver's `master`). */
function poolOf(dataSource: DataSource): PgPool | undefined {
  return (dataSource.driver as unknown as { master?: PgPool }).master;
}

/**
 * Connection pool gauges, read at scrape time: connections in use and idle, the pool's size, and
 * queries waiting for a connection (a pool too small for the load, or connections held too long).
 */
export function observeConnectionPool(registry: Registry, dataSource: DataSource): void {
  sharedGauge(registry, {
    name: 'db_pool_connections',
    help: 'Database connections of the pool, by state (in_use, idle)',
    labelNames: ['state'],
    collect() {
      const pool = poolOf(dataSource);
      if (!pool) return;
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  sharedGauge(registry, {
    name: 'db_pool_max_connections',
    help: 'The most connections the pool opens (DATABASE_POOL_MAX; 1 on embedded PGlite)',
    collect() {
      const max = poolOf(dataSource)?.options.max;
      if (max !== undefined) this.set(max);
    },
  });
  sharedGauge(registry, {
    name: 'db_pool_waiting_requests',
    help: 'Queries waiting for a free pooled connection',
    collect() {
      const pool = poolOf(dataSource);
      if (pool) this.set(pool.waitingCount);
    },
  });
}

const OUTBOX_BACKLOG = `
  SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS backlog,
         (SELECT extract(epoch FROM now() - occurred_at) FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT 1)::float8 AS oldest`;

/**
 * The outbox's backlog, read at scrape time (both through the partial index on unpublished rows):
 * how many events wait for the relay, and how long the oldest has waited. A growing age means
 * nothing is publishing: no broker configured, the broker down, or no relay leading.
 */
export function observeOutbox(registry: Registry, dataSource: DataSource, logger: Logger): void {
  let reading: Promise<{ backlog: number; oldest: number }> | undefined;
  // Both gauges come from one query per scrape.
  const read = () =>
    (reading ??= dataSource
      .query(OUTBOX_BACKLOG)
      .then(([row]: { backlog: number; oldest: number | null }[]) => ({ backlog: row.backlog, oldest: row.oldest ?? 0 }))
      .finally(() => setImmediate(() => (reading = undefined))));
  const failed = (error: unknown) => logger.warn({ err: error }, 'metrics: reading the outbox backlog failed');
  sharedGauge(registry, {
    name: 'outbox_unpublished_events',
    help: 'Events written to the outbox and not yet published to Kafka',
    async collect() {
      await read().then(({ backlog }) => this.set(backlog), failed);
    },
  });
  sharedGauge(registry, {
    name: 'outbox_oldest_unpublished_age_seconds',
    help: 'How long the oldest unpublished outbox event has waited (0 when none waits)',
    async collect() {
      await read().then(
        ({ oldest }) => this.set(oldest),
        () => undefined,
      );
    },
  });
}
