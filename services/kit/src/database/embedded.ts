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
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // PGlite ships contrib extensions as bundles loaded on demand: btree_gist backs the exclusion
  // constraint that keeps two confirmed bookings of one venue from overlapping (resources service).
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  // pg_trgm backs the members service's name search index.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
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
