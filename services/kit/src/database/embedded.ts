import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EMBEDDED_SETTINGS } from './embedded-settings';
import { copyOfTemplate } from './embedded-template';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (a real Postgres build in WebAssembly) in this process behind its wire-protocol
 * socket server, so the service talks to it with the ordinary `pg` driver. PGlite serves one
 * session, so callers must use a pool of one (see docs/decisions/0001-embedded-postgres.md).
 * Each service has its own data folder: two processes on one folder would corrupt it. A new
 * folder starts as a copy of one initialised cluster shared by all services (`<dataDir>/.template`).
 */
export async function startEmbeddedPostgres(dataDir: string, serviceName: string): Promise<EmbeddedPostgres> {
  const dir = resolve(join(dataDir, serviceName));
  const [{ PGlite }, { PGLiteSocketServer }, { btree_gist }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
    // PGlite ships contrib extensions as bundles loaded on demand: btree_gist backs the exclusion
    // constraint that keeps two confirmed bookings of one venue from overlapping (resources service).
    import('@electric-sql/pglite/contrib/btree_gist'),
    // pg_trgm backs the members service's name search index.
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]).catch(noEmbeddedPostgres);
  await ensureCluster(resolve(dataDir), dir);
  const settings = Object.entries(EMBEDDED_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const db = await PGlite.create(dir, { extensions: { btree_gist, pg_trgm }, startParams: [...PGlite.defaultStartParams, ...settings] });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Gives `dir` a database cluster: a copy of the shared template (made once), unless it has one. */
async function ensureCluster(dataDir: string, dir: string): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} holds files but no database: delete it (or all of ${dataDir}) to start afresh`);
  }
  mkdirSync(dirname(dir), { recursive: true });
  // Copied beside it, then renamed: a start cut short leaves no half-copied cluster behind.
  const staged = await copyOfTemplate(dataDir, `${dir}.new-${process.pid}`);
  if (existsSync(dir)) rmdirSync(dir);
  renameSync(staged, dir);
}

/**
 * PGlite is for running on one machine (`npm start`, installed with the repository's development
 * dependencies); production images leave it out, so there a missing DATABASE_URL says so plainly.
 */
function noEmbeddedPostgres(error: NodeJS.ErrnoException): never {
  if (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND') {
    throw new Error(
      'DATABASE_URL is not set and this installation has no embedded Postgres (PGlite): set DATABASE_URL to the service database',
    );
  }
  throw error;
}
