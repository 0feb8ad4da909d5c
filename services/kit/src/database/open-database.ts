import 'reflect-metadata';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { Logger } from '../logger';
import type { StartupClock } from '../server/startup-clock';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { ensureDatabaseExists } from './ensure-database';
import { runMigrationsUnderLock } from './migration-lock';
import { StatementLogger } from './statement-logger';

export interface DatabaseOptions {
  serviceName: string;
  /** A server URL naming this service's database; without it the service runs on embedded PGlite. */
  url?: string;
  poolMax: number;
  embeddedDataDir: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  logger: Logger;
  onStatement?: () => void;
  /** Start-up phases: marks `database` (PGlite started or the database found) and `migrations`. */
  startup?: StartupClock;
}

export interface Database {
  dataSource: DataSource;
  /** SQL statements sent since start: read by tests and /metrics. */
  statementCount(): number;
  embedded: boolean;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the service's own database: creates it when missing, applies committed migrations
 * (never `synchronize`; one replica at a time, under an advisory lock), and counts statements.
 * Embedded mode starts PGlite in-process.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedPostgres(options.embeddedDataDir, options.serviceName);
    url = embedded.url;
    options.logger.info({ dataDir: options.embeddedDataDir }, 'embedded PGlite started');
  } else {
    await ensureDatabaseExists(url);
  }
  options.startup?.mark('database');
  const statementLogger = new StatementLogger(options.logger, options.onStatement);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: statementLogger,
    maxQueryExecutionTime: 1000,
    // PGlite serves one session: more than one pooled connection would interleave transactions.
    extra: { max: embedded ? 1 : options.poolMax },
  });
  try {
    await dataSource.initialize();
    // Embedded PGlite belongs to this one process (and serves one connection): no one to race with.
    const applied = embedded
      ? await dataSource.runMigrations({ transaction: 'each' })
      : await runMigrationsUnderLock(dataSource, url, options.serviceName, options.logger);
    if (applied.length) options.logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    options.startup?.mark('migrations');
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded: Boolean(embedded),
    statementCount: () => statementLogger.statements,
    async isReady() {
      try {
        await dataSource.query('SELECT 1');
        return !(await dataSource.showMigrations());
      } catch {
        return false;
      }
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
