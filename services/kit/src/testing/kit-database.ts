import pino from 'pino';
import { openDatabase, type Database } from '../database';
import { withKitMigrations } from '../subgraph';
import type { Logger } from '../logger';
import { createTestDatabase } from './test-database';

export interface KitDatabase {
  db: Database;
  url: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database on the test server holding only the kit's own tables (outbox, audit, processed
 * events, idempotency keys): what the kit's outbox, relay and use-case tests write to, as `serviceName`.
 */
export async function createKitDatabase(
  label: string,
  options: { serviceName?: string; poolMax?: number; logger?: Logger } = {},
): Promise<KitDatabase> {
  const testDb = await createTestDatabase(label);
  const db = await openDatabase({
    serviceName: options.serviceName ?? label,
    url: testDb.url,
    poolMax: options.poolMax ?? 2,
    embeddedDataDir: '.data',
    entities: [],
    migrations: withKitMigrations([]),
    logger: options.logger ?? pino({ level: 'silent' }),
  });
  return {
    db,
    url: testDb.url,
    async drop() {
      await db.close();
      await testDb.drop();
    },
  };
}
