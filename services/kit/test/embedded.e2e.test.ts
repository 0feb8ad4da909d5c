import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { EMBEDDED_SETTINGS } from '../src';
import { EMBEDDED_NODE_FLAGS } from '../src/launch';

// Embedded PGlite, the `npm start` database: real Postgres in WebAssembly, each in a process of its own.
jest.setTimeout(180_000);

interface Embedded {
  url: string;
  stop(): Promise<void>;
}

/** Starts embedded Postgres for `service` on `dataDir` in a child process, as a service would. */
function startEmbeddedPostgres(dataDir: string, service: string): Promise<Embedded> {
  const child = spawn(
    process.execPath,
    [...EMBEDDED_NODE_FLAGS, '--import', 'tsx', join(__dirname, 'embedded-process.ts'), dataDir, service],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => {
      const started = JSON.parse(line) as { url?: string; error?: string };
      if (started.error) return reject(new Error(started.error));
      resolve({ url: started.url!, stop: async () => void (child.kill('SIGTERM'), await exited) });
    });
    void exited.then(() => reject(new Error(`embedded Postgres for ${service} exited`)));
  });
}

async function query<T>(db: Embedded, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PGlite data folders', () => {
  let dataDir: string;
  const running: Embedded[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cpb-embedded-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((db) => db.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the services of a fresh folder together from one template cluster, each on its own database', async () => {
    running.push(...(await Promise.all([startEmbeddedPostgres(dataDir, 'alpha'), startEmbeddedPostgres(dataDir, 'beta')])));
    const [alpha, beta] = running;

    expect(existsSync(join(dataDir, '.template', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'alpha', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'beta', 'PG_VERSION'))).toBe(true);
    // Nothing half-made is left behind: no lock, no staged copies.
    expect(readdirSync(dataDir).sort()).toEqual(['.template', 'alpha', 'beta']);

    await query(alpha, 'CREATE TABLE only_in_alpha (id int)');
    expect(await query(alpha, "SELECT to_regclass('only_in_alpha') IS NOT NULL AS found")).toEqual([{ found: true }]);
    expect(await query(beta, "SELECT to_regclass('only_in_alpha') IS NOT NULL AS found")).toEqual([{ found: false }]);
  });

  it('runs Postgres with the demo settings, not a server-sized default', async () => {
    const db = await startEmbeddedPostgres(dataDir, 'alpha');
    running.push(db);
    const names = Object.keys(EMBEDDED_SETTINGS).map((name) => `'${name}'`);
    const settings = await query<{ name: string; setting: string }>(
      db,
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name IN (${names.join(',')})`,
    );
    expect(Object.fromEntries(settings.map((s) => [s.name, s.setting]))).toEqual(EMBEDDED_SETTINGS);
  });

  it('keeps a seeded folder: a second start finds the data of the first', async () => {
    const first = await startEmbeddedPostgres(dataDir, 'alpha');
    await query(first, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
    await first.stop();
    rmSync(join(dataDir, '.template'), { recursive: true });

    const second = await startEmbeddedPostgres(dataDir, 'alpha');
    running.push(second);
    expect(await query(second, 'SELECT id FROM kept')).toEqual([{ id: 7 }]);
    // A folder with a database is used as it is: the template is not made again for it.
    expect(existsSync(join(dataDir, '.template'))).toBe(false);
  });

  it('takes over a template lock whose holder died mid-way', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(dataDir, '.template.lock'));
    writeFileSync(join(dataDir, '.template.lock', 'pid'), String(gone));

    running.push(await startEmbeddedPostgres(dataDir, 'alpha'));
    expect(existsSync(join(dataDir, '.template.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'alpha', 'PG_VERSION'))).toBe(true);
  });

  it('refuses a service folder that holds files but no database, and says what to do', async () => {
    mkdirSync(join(dataDir, 'alpha'));
    writeFileSync(join(dataDir, 'alpha', 'notes.txt'), 'not a database');
    await expect(startEmbeddedPostgres(dataDir, 'alpha')).rejects.toThrow(/holds files but no database: delete it/);
  });
});
