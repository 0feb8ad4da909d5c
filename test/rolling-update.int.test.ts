/**
 * Rolling updates and key rotation lose no request (issue 13): two organizations instances behind a
 * readiness-aware proxy (what a Kubernetes Service does), two gateways behind another, a steady load
 * through the front, and instances replaced one at a time as a Deployment's rolling update does.
 */
import { randomBytes } from 'node:crypto';
import {
  graphql,
  identityKeyId,
  INTERNAL_IDENTITY_HEADER,
  loadConfig,
  mintCallerToken,
  serviceActor,
  signInternal,
  startSubgraph,
  type RunningServer,
  type RunningSubgraph,
} from '@cpb/kit';
import { createTestDatabase, type TestDatabase } from '@cpb/kit/testing';
import { organizations } from '@cpb/organizations';
import { ReadyProxy, steadyLoad, whileRequestsFlow } from './rolling';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';

// Longer than the proxy needs to see three failed probes (3 x 100 ms), as SHUTDOWN_DELAY_MS must outlast the probes in Kubernetes.
const DRAIN_MS = '1000';
const keyA = `key-a-${randomBytes(12).toString('hex')}`;
const keyB = `key-b-${randomBytes(12).toString('hex')}`;
type Keys = { current: string; previous?: string };

let database: TestDatabase;
let subgraphProxy: ReadyProxy;
let gatewayProxy: ReadyProxy;
let subgraphs: RunningSubgraph[] = [];
let gateways: RunningServer[] = [];
let token: string;

const base = (url: string) => url.replace(/\/graphql$/, '');

function startOrganizations(keys: Keys, seed = false): Promise<RunningSubgraph> {
  return startSubgraph(organizations, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    SEED_DEMO: seed ? 'true' : 'false',
    SHUTDOWN_DELAY_MS: DRAIN_MS,
    ORGANIZATIONS_SECRET: keys.current,
    ...(keys.previous ? { ORGANIZATIONS_SECRET_PREVIOUS: keys.previous } : {}),
  });
}

function startGatewayWith(organizationsKey: string): Promise<RunningServer> {
  return startGateway(
    loadConfig(gatewayEnvSchema, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      SHUTDOWN_DELAY_MS: DRAIN_MS,
      ORGANIZATIONS_URL: `${subgraphProxy.url}/graphql`,
      ORGANIZATIONS_SECRET: organizationsKey,
    }),
  );
}

/** Replaces each subgraph instance: the new one is ready before the old one starts draining (maxSurge 1, maxUnavailable 0). */
async function rollSubgraphs(keys: Keys, beforeStop?: (old: RunningSubgraph) => Promise<void>): Promise<void> {
  const next: RunningSubgraph[] = [];
  for (const old of subgraphs) {
    const fresh = await startOrganizations(keys);
    await subgraphProxy.add(base(fresh.server.url));
    next.push(fresh);
    await beforeStop?.(old);
    await old.stop();
    subgraphProxy.remove(base(old.server.url));
  }
  subgraphs = next;
}

async function rollGateways(organizationsKey: string): Promise<void> {
  const next: RunningServer[] = [];
  for (const old of gateways) {
    const fresh = await startGatewayWith(organizationsKey);
    await gatewayProxy.add(base(fresh.url));
    next.push(fresh);
    await old.stop();
    gatewayProxy.remove(base(old.url));
  }
  gateways = next;
}

/** One dashboard request through the front proxy; any error is a failure. */
async function streetNames(): Promise<string | undefined> {
  const answer = await graphql<{ streets: { name: string }[] }>(`${gatewayProxy.url}/graphql`, '{ streets { name } }', undefined, {
    authorization: `Bearer ${token}`,
  });
  if (answer.errors?.length) return JSON.stringify(answer.errors[0]);
  if (!answer.data?.streets.length) return 'no streets';
  return undefined;
}

/** The `internal_identity_verified_total` counter of one instance, by key. */
async function verifiedWith(instance: RunningSubgraph, key: 'current' | 'previous'): Promise<number> {
  const text = await (await fetch(`${base(instance.server.url)}/metrics`)).text();
  return Number(new RegExp(`internal_identity_verified_total\\{key="${key}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

async function askOrganizationsDirectly(secret: string): Promise<string | undefined> {
  const answer = await graphql(`${subgraphProxy.url}/graphql`, '{ streets { name } }', undefined, {
    [INTERNAL_IDENTITY_HEADER]: await signInternal(serviceActor('test'), secret, 'organizations'),
  });
  return answer.errors?.[0]?.extensions?.code as string | undefined;
}

beforeAll(async () => {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  database = await createTestDatabase('rolling');
  token = await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'rolling-test' });
  subgraphProxy = await new ReadyProxy().start();
  gatewayProxy = await new ReadyProxy().start();
  // The first instance migrates and seeds; the second finds both done.
  subgraphs = [await startOrganizations({ current: keyA }, true)];
  subgraphs.push(await startOrganizations({ current: keyA }));
  for (const s of subgraphs) await subgraphProxy.add(base(s.server.url));
  gateways = [await startGatewayWith(keyA), await startGatewayWith(keyA)];
  for (const g of gateways) await gatewayProxy.add(base(g.url));
});

afterAll(async () => {
  await Promise.all([...gateways.map((g) => g.stop()), ...subgraphs.map((s) => s.stop())]);
  await gatewayProxy?.stop();
  await subgraphProxy?.stop();
  await database?.drop();
});

describe('a rolling update', () => {
  it('of the subgraph and then the gateway loses no request: each instance answers /ready 503 (draining) before it closes', async () => {
    const load = steadyLoad(streetNames);
    await whileRequestsFlow(load.completed);
    await rollSubgraphs({ current: keyA });
    await whileRequestsFlow(load.completed);
    await rollGateways(keyA);
    await whileRequestsFlow(load.completed);
    const result = await load.stop();
    expect({ failed: result.failed, failures: result.failures }).toEqual({ failed: 0, failures: [] });
    expect(result.ok).toBeGreaterThan(60);
    expect(subgraphProxy.readinessSeen).toContain('draining');
    expect(gatewayProxy.readinessSeen).toContain('draining');
  });
});

describe('rotating a subgraph key', () => {
  it('carries a key id in every signature, derived from the secret', async () => {
    const signed = await signInternal(serviceActor('test'), keyA, 'organizations');
    const header = JSON.parse(Buffer.from(signed.split('.')[0], 'base64url').toString('utf8')) as { kid?: string };
    expect(header.kid).toBe(identityKeyId(keyA));
    expect(identityKeyId(keyA)).not.toBe(identityKeyId(keyB));
  });

  it('would fail if signers moved before the subgraph accepted the new key (why the order matters)', async () => {
    expect(await askOrganizationsDirectly(keyB)).toBe('UNAUTHENTICATED');
  });

  it('in three steps (accept the new key, sign with it, drop the old one) while requests flow: none fails', async () => {
    const load = steadyLoad(streetNames);
    await whileRequestsFlow(load.completed);
    // 1. The subgraph accepts B beside A; everyone still signs with A.
    await rollSubgraphs({ current: keyA, previous: keyB });
    await whileRequestsFlow(load.completed);
    // 2. Everyone signs with B, the gateways first: the subgraph of step 1 accepts B as its second key.
    await rollGateways(keyB);
    await whileRequestsFlow(load.completed);
    let viaSecondKey = 0;
    await rollSubgraphs({ current: keyB, previous: keyA }, async (old) => void (viaSecondKey += await verifiedWith(old, 'previous')));
    await whileRequestsFlow(load.completed);
    // 3. Once nothing signs with A any more (tokens live 60 s; the gateway reuses one for 30 s), A is dropped.
    await rollSubgraphs({ current: keyB });
    await whileRequestsFlow(load.completed);
    const result = await load.stop();
    expect({ failed: result.failed, failures: result.failures }).toEqual({ failed: 0, failures: [] });
    expect(viaSecondKey).toBeGreaterThan(0);
    expect(await askOrganizationsDirectly(keyA)).toBe('UNAUTHENTICATED');
    expect(await askOrganizationsDirectly(keyB)).toBeUndefined();
  });
});
