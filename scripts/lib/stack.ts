import { join } from 'node:path';
import { spawnTs, waitUntilReady, type Child } from './child';
import { freePort } from '@cpb/kit';
import { subgraphs } from '../subgraphs';

const root = join(__dirname, '..', '..');

export interface StackOptions {
  /** A Postgres server URL; each service gets its own database on it. Absent: embedded PGlite. */
  serverUrl?: string;
  /** Prefix of the per-service database names (default `cpb_`). */
  databasePrefix?: string;
  /** Fixed ports (4000-4004) or free ones picked for this run. */
  ports?: 'default' | 'free';
  seedDemo?: boolean;
  env?: NodeJS.ProcessEnv;
  echo?: (line: string) => void;
  /** Aborting it (Ctrl-C while starting) stops the processes started so far and rejects. */
  signal?: AbortSignal;
}

export interface Stack {
  gatewayUrl: string;
  services: { name: string; url: string; baseUrl: string; child: Child; readyAfterMs: number }[];
  gateway: Child;
  gatewayReadyAfterMs: number;
  stop(): Promise<void>;
}

/** The database URL a service gets on a shared server: the same server, its own database. */
export function serviceDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Starts the four subgraph services and the gateway as real processes, each waited for on /ready. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const echo = options.echo ?? (() => {});
  const began = Date.now();
  const prefix = options.databasePrefix ?? 'cpb_';
  const started: Child[] = [];
  try {
    const ports = await Promise.all(subgraphs.map(async (s) => (options.ports === 'free' ? freePort() : s.port)));
    // Every service knows where the others answer (for its synchronous checks) and the gateway knows them all.
    const urlEnv = Object.fromEntries(subgraphs.map((s, i) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[i]}/graphql`]));
    const services = await Promise.all(
      subgraphs.map(async (s, i) => {
        const port = ports[i];
        const env: NodeJS.ProcessEnv = {
          ...options.env,
          ...urlEnv,
          PORT: String(port),
          SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
          ...(options.serverUrl ? { DATABASE_URL: serviceDatabaseUrl(options.serverUrl, `${prefix}${s.name}`) } : {}),
        };
        const child = spawnTs(s.name, join(root, 'services', s.name, 'src', 'index.ts'), env, echo);
        started.push(child);
        const baseUrl = `http://127.0.0.1:${port}`;
        await waitUntilReady(`${baseUrl}/ready`, child, 120_000, options.signal);
        return { name: s.name, url: `${baseUrl}/graphql`, baseUrl, child, readyAfterMs: Date.now() - began };
      }),
    );
    const gatewayPort = options.ports === 'free' ? await freePort() : 4000;
    const gateway = spawnTs('gateway', join(root, 'gateway', 'src', 'index.ts'), { ...options.env, ...urlEnv, PORT: String(gatewayPort) }, echo);
    started.push(gateway);
    await waitUntilReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway, 60_000, options.signal);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      services,
      gateway,
      gatewayReadyAfterMs: Date.now() - began,
      stop: async () => {
        await gateway.stop();
        await Promise.all(services.map((s) => s.child.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((child) => child.stop()));
    throw error;
  }
}
