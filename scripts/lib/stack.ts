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
  /** More settings for one service only, by name (e.g. a small relay batch for the one whose relay a fault kills). */
  serviceEnv?: Record<string, NodeJS.ProcessEnv>;
  echo?: (line: string) => void;
  /** Aborting it (Ctrl-C while starting) stops the processes started so far and rejects. */
  signal?: AbortSignal;
  /**
   * How the processes run the code: the TypeScript sources through tsx (default), or the JavaScript
   * `npm run build` compiled into each package's dist/ (loads faster, no tsx loader or esbuild per process).
   */
  runtime?: 'tsx' | 'compiled';
  /** How long each process may take to answer /ready (default 120 s; a saturated machine may need more). */
  readyTimeoutMs?: number;
  /** More Node flags for every process (e.g. smaller heap sizing for a demo). */
  nodeFlags?: string[];
  /**
   * Where the services (not the gateway) reach a peer, by URL variable (`ORGANIZATIONS_URL`): a test
   * puts a proxy between services to make a peer slow (scripts/faults).
   */
  peerUrls?: Record<string, string>;
}

/** Node's arguments for a package's entry point (`services/members`, `gateway`) in the chosen runtime. */
export function entryArgs(packageDir: string, runtime: StackOptions['runtime']): string[] {
  return runtime === 'compiled'
    ? ['--conditions=cpb-compiled', join(root, packageDir, 'dist', 'index.js')]
    : ['--import', 'tsx', join(root, packageDir, 'src', 'index.ts')];
}

export interface Stack {
  gatewayUrl: string;
  services: { name: string; url: string; baseUrl: string; child: Child; readyAfterMs: number }[];
  gateway: Child;
  gatewayReadyAfterMs: number;
  /**
   * Starts a process that exited (killed by a test) again, with the same port and settings, and waits
   * until it is ready; the entry in `services` (or `gateway`) then holds the new child.
   */
  restart(name: string): Promise<void>;
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
  const respawn = new Map<string, { args: string[]; env: NodeJS.ProcessEnv; readyUrl: string }>();
  try {
    const ports = await Promise.all(subgraphs.map(async (s) => (options.ports === 'free' ? freePort() : s.port)));
    // Every service knows where the others answer (for its synchronous checks) and the gateway knows them all.
    const urlEnv = Object.fromEntries(subgraphs.map((s, i) => [s.urlVariable, `http://127.0.0.1:${ports[i]}/graphql`]));
    const gatewayPort = options.ports === 'free' ? await freePort() : 4000;
    const spawned = subgraphs.map((s, i) => {
      const port = ports[i];
      const env: NodeJS.ProcessEnv = {
        ...options.env,
        ...options.serviceEnv?.[s.name],
        ...urlEnv,
        ...options.peerUrls,
        PORT: String(port),
        SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
        ...(options.serverUrl ? { DATABASE_URL: serviceDatabaseUrl(options.serverUrl, `${prefix}${s.name}`) } : {}),
      };
      // Embedded PGlite (no server URL) runs with the flags that keep its WebAssembly lean.
      const flags = [...(options.nodeFlags ?? []), ...(options.serverUrl ? [] : EMBEDDED_NODE_FLAGS)];
      const args = [...flags, ...entryArgs(join('services', s.name), options.runtime)];
      const child = spawnNode(s.name, args, env, echo);
      started.push(child);
      respawn.set(s.name, { args, env, readyUrl: `http://127.0.0.1:${port}/ready` });
      return { name: s.name, child, baseUrl: `http://127.0.0.1:${port}` };
    });
    // The gateway reads the supergraph from its file and needs no subgraph to start: it starts alongside them.
    const gatewayArgs = [...(options.nodeFlags ?? []), ...entryArgs('gateway', options.runtime)];
    const gatewayEnv = { ...options.env, ...urlEnv, PORT: String(gatewayPort) };
    const gateway = spawnNode('gateway', gatewayArgs, gatewayEnv, echo);
    started.push(gateway);
    respawn.set('gateway', { args: gatewayArgs, env: gatewayEnv, readyUrl: `http://127.0.0.1:${gatewayPort}/ready` });
    // As long as the services get: beside four starting services on a busy 2-core machine it has taken over 60 s;
    // STACK_READY_TIMEOUT_MS stretches the waits on a machine other work keeps busy (seen: load 40 on 2 cores).
    const readyTimeoutMs = options.readyTimeoutMs ?? (Number(process.env.STACK_READY_TIMEOUT_MS) || 120_000);
    const gatewayReady = waitUntilReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway, readyTimeoutMs, options.signal).then(
      () => Date.now() - began,
    );
    void gatewayReady.catch(() => undefined); // awaited below, unless a service fails first
    const services = await Promise.all(
      spawned.map(async ({ name, child, baseUrl }) => {
        await waitUntilReady(`${baseUrl}/ready`, child, readyTimeoutMs, options.signal);
        return { name, url: `${baseUrl}/graphql`, baseUrl, child, readyAfterMs: Date.now() - began };
      }),
    );
    const gatewayReadyAfterMs = await gatewayReady;
    const stack: Stack = {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      services,
      gateway,
      gatewayReadyAfterMs,
      async restart(name) {
        const how = respawn.get(name);
        if (!how) throw new Error(`no process named ${name}`);
        const running = name === 'gateway' ? stack.gateway : services.find((s) => s.name === name)!.child;
        await running.stop();
        const child = spawnNode(name, how.args, how.env, echo);
        if (name === 'gateway') stack.gateway = child;
        else services.find((s) => s.name === name)!.child = child;
        await waitUntilReady(how.readyUrl, child, options.readyTimeoutMs ?? 120_000);
      },
      stop: async () => {
        await stack.gateway.stop();
        await Promise.all(services.map((s) => s.child.stop()));
      },
    };
    return stack;
  } catch (error) {
    await Promise.all(started.map((child) => child.stop()));
    throw error;
  }
}
