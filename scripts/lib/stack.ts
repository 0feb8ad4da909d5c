import { join } from 'node:path';
import { spawnNode, waitUntilReady, type Child } from './child';
import { EMBEDDED_NODE_FLAGS, freePort } from '@cpb/kit/launch';
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
  /**
   * How the processes run the code: the TypeScript sources through tsx (default), or the JavaScript
   * `npm run build` compiled into each package's dist/ (loads faster, no tsx loader or esbuild per process).
   */
  runtime?: 'tsx' | 'compiled';
  /** More Node flags for every process (e.g. smaller heap sizing for a demo). */
  nodeFlags?: string[];
}

/** Node's arguments for a package's entry point (`services/members`, `gateway`) in the chosen runtime. */
function entryArgs(packageDir: string, runtime: StackOptions['runtime']): string[] {
  return runtime === 'compiled' ? ['--conditions=cpb-compiled', join(root, packageDir, 'dist', 'index.js')] : ['--import', 'tsx', join(root, packageDir, 'src', 'index.ts')];
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

/** Starts the subgraph services and the gateway as real processes, each waited for on /ready. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const echo = options.echo ?? (() => {});
  const began = Date.now();
  const prefix = options.databasePrefix ?? 'cpb_';
  const started: Child[] = [];
  try {
    const ports = await Promise.all(subgraphs.map(async (s) => (options.ports === 'free' ? freePort() : s.port)));
    // Every service knows where the others answer (for its synchronous checks) and the gateway knows them all.
    const urlEnv = Object.fromEntries(subgraphs.map((s, i) => [s.urlVariable, `http://127.0.0.1:${ports[i]}/graphql`]));
    const gatewayPort = options.ports === 'free' ? await freePort() : 4000;
    const spawned = subgraphs.map((s, i) => {
      const port = ports[i];
      const env: NodeJS.ProcessEnv = {
        ...options.env,
        ...urlEnv,
        PORT: String(port),
        SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
        ...(options.serverUrl ? { DATABASE_URL: serviceDatabaseUrl(options.serverUrl, `${prefix}${s.name}`) } : {}),
      };
      // Embedded PGlite (no server URL) runs with the flags that keep its WebAssembly lean.
      const flags = [...(options.nodeFlags ?? []), ...(options.serverUrl ? [] : EMBEDDED_NODE_FLAGS)];
      const child = spawnNode(s.name, [...flags, ...entryArgs(join('services', s.name), options.runtime)], env, echo);
      started.push(child);
      return { name: s.name, child, baseUrl: `http://127.0.0.1:${port}` };
    });
    // The gateway reads the supergraph from its file and needs no subgraph to start: it starts alongside them.
    const gateway = spawnNode('gateway', [...(options.nodeFlags ?? []), ...entryArgs('gateway', options.runtime)], { ...options.env, ...urlEnv, PORT: String(gatewayPort) }, echo);
    started.push(gateway);
    // STACK_READY_TIMEOUT_MS stretches the waits on a machine other work keeps busy (seen: load 40 on 2 cores).
    const readyMs = Number(process.env.STACK_READY_TIMEOUT_MS) || 0;
    const gatewayReady = waitUntilReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway, Math.max(60_000, readyMs), options.signal).then(() => Date.now() - began);
    void gatewayReady.catch(() => undefined); // awaited below, unless a service fails first
    const services = await Promise.all(
      spawned.map(async ({ name, child, baseUrl }) => {
        await waitUntilReady(`${baseUrl}/ready`, child, Math.max(120_000, readyMs), options.signal);
        return { name, url: `${baseUrl}/graphql`, baseUrl, child, readyAfterMs: Date.now() - began };
      }),
    );
    const gatewayReadyAfterMs = await gatewayReady;
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      services,
      gateway,
      gatewayReadyAfterMs,
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
