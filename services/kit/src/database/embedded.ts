import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (a real Postgres build in WebAssembly) in this process behind its wire-protocol
 * socket server, so the service talks to it with the ordinary `pg` driver. PGlite serves one
 * session, so callers must use a pool of one (see docs/decisions/0001-embedded-postgres.md).
 * Each service has its own data folder: two processes on one folder would corrupt it.
 */
export async function startEmbeddedPostgres(dataDir: string, serviceName: string): Promise<EmbeddedPostgres> {
  const dir = resolve(join(dataDir, serviceName));
  mkdirSync(dir, { recursive: true });
  const [{ PGlite }, { PGLiteSocketServer }, { btree_gist }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
    // PGlite ships contrib extensions as bundles loaded on demand: btree_gist backs the exclusion
    // constraint that keeps two confirmed bookings of one venue from overlapping (resources service).
    import('@electric-sql/pglite/contrib/btree_gist'),
    // pg_trgm backs the members service's name search index.
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]).catch(noEmbeddedPostgres);
  const db = await PGlite.create(dir, { extensions: { btree_gist, pg_trgm } });
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

/**
 * PGlite is for running on one machine (`npm start`, installed with the repository's development
 * dependencies); production images leave it out, so there a missing DATABASE_URL says so plainly.
 */
function noEmbeddedPostgres(error: NodeJS.ErrnoException): never {
  if (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND') {
    throw new Error('DATABASE_URL is not set and this installation has no embedded Postgres (PGlite): set DATABASE_URL to the service database');
  }
  throw error;
}
