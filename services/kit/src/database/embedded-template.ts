import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EMBEDDED_NODE_FLAGS } from './embedded-settings';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Copies the data folder's template cluster to `target` and returns `target`; the template is
 * initialised first when missing. Initialising a cluster (initdb) is most of a first start's
 * database work: done once and copied (a 40 MB copy) instead of four times at once, on a 2-core
 * machine, it costs a few seconds instead of half a minute.
 */
export async function copyOfTemplate(dataDir: string, target: string): Promise<string> {
  const template = await prepareEmbeddedTemplate(dataDir);
  rmSync(target, { recursive: true, force: true });
  cpSync(template, target, { recursive: true });
  return target;
}

/**
 * Makes the data folder's template cluster unless it exists, and returns its path: a launcher
 * calls it while it does other work, so the services starting next find it ready.
 */
export async function prepareEmbeddedTemplate(dataDir: string): Promise<string> {
  const template = join(resolve(dataDir), '.template');
  await ensureTemplate(template);
  return template;
}

/**
 * The services of one data folder start together, so one of them makes the template while the
 * others wait: `mkdir` of the lock is atomic, and a lock whose holder died is taken over.
 */
async function ensureTemplate(template: string): Promise<void> {
  const lock = `${template}.lock`;
  mkdirSync(dirname(template), { recursive: true });
  while (!existsSync(join(template, 'PG_VERSION'))) {
    try {
      mkdirSync(lock, { recursive: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale(lock)) rmSync(lock, { recursive: true, force: true });
      else await sleep(100);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      const staged = `${template}.new-${process.pid}`;
      rmSync(staged, { recursive: true, force: true });
      await initdb(staged);
      renameSync(staged, template);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function lockIsStale(lock: string): boolean {
  try {
    const holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    process.kill(holder, 0);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return false; // alive, someone else's
    // No pid yet (just taken) or its holder is gone: stale only once the lock has aged.
    try {
      return (error as NodeJS.ErrnoException).code === 'ESRCH' || Date.now() - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false; // released meanwhile
    }
  }
}

/**
 * Runs initdb in a short-lived Node process: initdb takes a second PGlite instance with its own
 * WebAssembly memory, and a service that ran it in-process would keep some 100 MB of it resident.
 */
async function initdb(dir: string): Promise<void> {
  const pglite = require.resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(pglite)}).PGlite.create(process.argv[1]).then((db) => db.close()).catch((error) => { console.error(error); process.exit(1); });`;
  await run(process.execPath, [...EMBEDDED_NODE_FLAGS, '-e', script, dir], { timeout: 300_000 });
}
