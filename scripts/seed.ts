/**
 * Seeds the demo district into the subgraphs' databases on a Postgres server.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run seed -- --scale 300000 [--reset] [--prefix cpb_]
 * `--scale` is the number of members (600 is the demo set); `--reset` drops the databases first.
 * Each service writes its rows and, through its outbox, the events of the history they stand for.
 */
import { createLogger, dropDatabase, openDatabase, withKitMigrations, type SubgraphDefinition } from '@cpb/kit';
import { World } from '@cpb/demo-world';
import { serviceDatabaseUrl } from './lib/stack';
import { subgraphDefinitions } from './lib/subgraph-definitions';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Seeds one service's database from the world (its own demo seed writes its slice). */
async function seedService(definition: SubgraphDefinition<object, World>, url: string, world: World, reset: boolean): Promise<void> {
  const logger = createLogger(`seed:${definition.name}`);
  if (reset) await dropDatabase(url);
  const database = await openDatabase({
    serviceName: definition.name,
    url,
    poolMax: 2,
    embeddedDataDir: '.data',
    entities: definition.entities,
    migrations: withKitMigrations(definition.migrations),
    logger,
  });
  try {
    const started = Date.now();
    await definition.demo?.seed(database.dataSource, world, logger);
    // VACUUM too, so index-only scans skip the heap from the first query (autovacuum would, later).
    await database.dataSource.query('VACUUM ANALYZE');
    logger.info({ seconds: (Date.now() - started) / 1000 }, 'seeded');
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a Postgres server URL (the seed writes one database per service on it).');
  const scale = Number(option('scale') ?? 600);
  if (!Number.isInteger(scale) || scale < 100) throw new Error('--scale must be a whole number of members, at least 100');
  const prefix = option('prefix') ?? 'cpb_';
  const world = new World(scale);
  const definitions = await subgraphDefinitions();
  // The four services at once: while one generates rows (this process's CPU), Postgres writes another's.
  // Each streams its slice in chunks inside one transaction, so memory stays flat.
  await Promise.all(
    definitions.map((definition) =>
      seedService(definition, serviceDatabaseUrl(serverUrl, `${prefix}${definition.name}`), world, process.argv.includes('--reset')),
    ),
  );
  console.log(`seeded ${JSON.stringify(world.shape)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
