/**
 * Runs `startEmbeddedPostgres(dataDir, service)` in a process of its own (PGlite loads its parts
 * with dynamic imports, which Jest's module sandbox refuses): prints the URL as one JSON line and
 * stops PGlite on SIGTERM. Started by embedded.e2e.test.ts.
 */
import { startEmbeddedPostgres } from '../src/database/embedded';

const [dataDir, service] = process.argv.slice(2);
startEmbeddedPostgres(dataDir, service).then(
  (db) => {
    console.log(JSON.stringify({ url: db.url }));
    process.once('SIGTERM', () => void db.stop().then(() => process.exit(0)));
  },
  (error: Error) => {
    console.log(JSON.stringify({ error: error.message }));
    process.exit(1);
  },
);
