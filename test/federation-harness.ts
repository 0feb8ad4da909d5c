import { graphql, type GraphQLResponse } from '@cpb/kit';
import { startTestSubgraph, type TestSubgraph } from '@cpb/kit/testing';
import { freePort, loadConfig, mintCallerToken, type RunningServer } from '@cpb/kit';
import { activities } from '@cpb/activities';
import { members } from '@cpb/members';
import { organizations } from '@cpb/organizations';
import { resources } from '@cpb/resources';
import { gatewayEnvSchema } from '../gateway/src/config';
import { startGateway } from '../gateway/src/server';

export interface Federation {
  gatewayUrl: string;
  subgraphs: Record<'organizations' | 'members' | 'resources' | 'activities', TestSubgraph>;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The default caller's (a district administrator's) headers plus `extra`, e.g. `{ 'accept-language': 'en' }`. */
  asAdmin(extra?: Record<string, string>): Promise<Record<string, string>>;
  /** SQL statements each service sent while `work` ran. */
  statementsPerService(work: () => Promise<unknown>): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * The four subgraphs in-process (each on its own fresh database on the real Postgres server,
 * over real HTTP) behind the real gateway: the fast way to test behaviour through the one graph.
 */
export async function startFederation(options: { seedDemo?: boolean; env?: Record<string, string>; gatewayEnv?: Record<string, string> } = {}): Promise<Federation> {
  const seedDemo = options.seedDemo ?? true;
  // Ports are picked first so each service can be told where the others answer.
  const [orgPort, memPort, resPort, actPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const peerEnv = {
    ORGANIZATIONS_URL: `http://127.0.0.1:${orgPort}/graphql`,
    MEMBERS_URL: `http://127.0.0.1:${memPort}/graphql`,
    RESOURCES_URL: `http://127.0.0.1:${resPort}/graphql`,
    ACTIVITIES_URL: `http://127.0.0.1:${actPort}/graphql`,
  };
  // `options.env` reaches every subgraph (e.g. KAFKA_BROKERS, so relays and reactions run).
  const env = (port: number) => ({ ...options.env, ...peerEnv, PORT: String(port) });
  const [org, mem, res, act] = await Promise.all([
    startTestSubgraph(organizations, { seedDemo, env: env(orgPort) }),
    startTestSubgraph(members, { seedDemo, env: env(memPort) }),
    startTestSubgraph(resources, { seedDemo, env: env(resPort) }),
    startTestSubgraph(activities, { seedDemo, env: env(actPort) }),
  ]);
  const subgraphs = { organizations: org, members: mem, resources: res, activities: act };
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
    query: async (query, variables, headers) => graphql(gateway.url, query, variables, headers ?? { authorization: `Bearer ${await adminToken}` }),
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
