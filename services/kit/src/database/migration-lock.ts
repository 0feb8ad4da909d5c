import { Client } from 'pg';
import type { DataSource, Migration } from 'typeorm';
import type { Logger } from '../logger';

/**
 * Applies the committed migrations while holding a Postgres advisory lock named after the service,
 * on a connection of its own (outside the pool, whatever its size): replicas starting together on
 * an empty database queue here, the first applies the migrations, the others then find none pending.
 * The lock is per database and released when its session ends, so a replica that dies mid-way
 * frees it. (Behind a transaction-mode PgBouncer a session lock means nothing: connect directly.)
 */
export async function runMigrationsUnderLock(
  dataSource: DataSource,
  url: string,
  serviceName: string,
  logger: Logger,
): Promise<Migration[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  const key = `cpb-migrations:${serviceName}`;
  try {
    const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
    if (!rows[0].locked) {
      logger.info('another instance is migrating this database: waiting for it');
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    }
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    // Ending the session releases the lock even if the unlock itself fails.
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await lock.end();
  }
}
