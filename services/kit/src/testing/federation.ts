import { subgraphs as list } from '@cpb/subgraphs';
import { graphql, type GraphQLResponse } from '../graphql/client';
import { loadConfig } from '../config';
import { mintCallerToken } from '../auth';
import { freePort, type RunningServer } from '../server';
import { loadSubgraphDefinitions } from '../subgraph-definitions';
import { startTestSubgraph, type TestSubgraph } from './subgraph-harness';

export interface Federation {
  gatewayUrl: string;
  /** Each subgraph of the list (@cpb/subgraphs) by name. */
  subgraphs: Record<string, TestSubgraph>;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** The default caller's (a district administrator's) headers plus `extra`, e.g. `{ 'accept-language': 'en' }`. */
  asAdmin(extra?: Record<string, string>): Promise<Record<string, string>>;
  /** SQL statements each service sent while `work` ran. */
  statementsPerService(work: () => Promise<unknown>): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export interface FederationOptions {
  seedDemo?: boolean;
  /** Reaches every subgraph (e.g. KAFKA_BROKERS, so relays and reactions run). */
  env?: Record<string, string>;
  gatewayEnv?: Record<string, string>;
}

/**
 * The subgraphs in-process (each on its own fresh database on the real Postgres server,
 * over real HTTP) behind the real gateway: the fast way to test behaviour through the one graph.
 * Every service's tests (`services/<name>/test/`) and the system's (`test/`) start it the same way.
 */
export async function startFederation(options: FederationOptions = {}): Promise<Federation> {
  const seedDemo = options.seedDemo ?? true;
  // The gateway is loaded when a test starts a federation: it imports the kit, so the kit cannot import it first.
  const { startGateway, gatewayEnvSchema } = await import('@cpb/gateway');
  const definitions = await loadSubgraphDefinitions(list.map((s) => s.name));
  // Ports are picked first so each service can be told where the others answer.
  const ports = await Promise.all(list.map(() => freePort()));
  const peerEnv = Object.fromEntries(list.map((s, i) => [s.urlVariable, `http://127.0.0.1:${ports[i]}/graphql`]));
  const env = (port: number) => ({ ...options.env, ...peerEnv, PORT: String(port) });
  const started = await Promise.all(definitions.map((definition, i) => startTestSubgraph(definition, { seedDemo, env: env(ports[i]) })));
  const subgraphs = Object.fromEntries(list.map((s, i) => [s.name, started[i]]));
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const gateway: RunningServer = await startGateway(
    loadConfig(gatewayEnvSchema, {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      ...peerEnv,
      ...options.gatewayEnv,
    }),
  );
  const adminToken = mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'test-district-admin' });
  return {
    gatewayUrl: gateway.url,
    subgraphs,
    // A district administrator by default, who sees everything; pass headers to ask as someone else.
    query: async (query, variables, headers) =>
      graphql(gateway.url, query, variables, headers ?? { authorization: `Bearer ${await adminToken}` }),
    asAdmin: async (extra = {}) => ({ authorization: `Bearer ${await adminToken}`, ...extra }),
    async statementsPerService(work) {
      const before = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.running.database.statementCount()]));
      await work();
      return Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.running.database.statementCount() - before[name]]));
    },
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    },
  };
}

/** The same federation with every request asking for English (`Accept-Language: en`): for tests that read refusals' English wording. */
export function inEnglish(federation: Federation): Federation {
  return {
    ...federation,
    query: async (query, variables, headers) =>
      federation.query(query, variables, { ...(headers ?? (await federation.asAdmin())), 'accept-language': 'en' }),
  };
}
