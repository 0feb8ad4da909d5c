/**
 * A throwaway Postgres cluster for the fault suite: its own data directory under the system's temp
 * folder and its own port, so restarting "the Postgres server" never touches the shared server at
 * 127.0.0.1:5432 that other tests use. Postgres refuses to run as root: when this process is root,
 * initdb and pg_ctl run as the `postgres` user (runuser).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cpb/kit/launch';

export interface Cluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  serverUrl: string;
  /** `pg_ctl stop -m fast`: every connection is cut; resolves once the server is down. */
  down(): Promise<void>;
  /** `pg_ctl start`: resolves once it accepts connections again. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl live: PG_BIN, else the newest Debian install, else PATH. */
function binary(name: string): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, name);
  try {
    const versions = execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return `/usr/lib/postgresql/${versions[0]}/bin/${name}`;
  } catch {
    // not a Debian layout
  }
  return name;
}

/** Runs a Postgres tool without blocking the event loop (the suite watches the services meanwhile). */
async function run(command: string, args: string[]): Promise<string> {
  const [file, fileArgs] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return (await promisify(execFile)(file, fileArgs, { encoding: 'utf8' })).stdout;
}

export async function startCluster(): Promise<Cluster> {
  const folder = mkdtempSync(join(tmpdir(), 'cpb-faults-pg-'));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  const data = join(folder, 'data');
  const port = await freePort();
  await run(binary('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  // Small and fast to restart; fsync off: this cluster holds nothing worth keeping across a machine crash.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=32MB -c fsync=off -c synchronous_commit=on -c full_page_writes=off`;
  const pgctl = (...args: string[]) =>
    run(binary('pg_ctl'), ['-D', data, '-l', join(folder, 'server.log'), '-o', options, '-w', '-t', '60', ...args]);
  await pgctl('start');
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async down() {
      await pgctl('stop', '-m', 'fast');
    },
    async up() {
      await pgctl('start');
    },
    async stop() {
      try {
        await pgctl('stop', '-m', 'immediate');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
