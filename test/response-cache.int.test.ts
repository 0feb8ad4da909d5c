/**
 * Issue 15, item 4: the gateway's response cache. Hot reads are answered from the cache, a change made
 * through the graph is visible in the cached answer within a second of its event on Kafka, a member and
 * a secretary asking the same query never see each other's answer, the cache is off unless configured,
 * and two gateways sharing Redis share answers and evictions. Real Postgres, the mock Kafka broker,
 * the Redis on this machine (REDIS_URL, default redis://127.0.0.1:6379).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, mintCallerToken, type RunningServer } from '@cpb/kit';
import { metricValue, scrape, startKafkaBroker, startTopicReader, type KafkaBroker, type TopicReader } from '@cpb/kit/testing';
import { worldId } from '@cpb/demo-world';
import { subgraphs } from '@cpb/subgraphs';
import { CACHE_HEADER } from '../gateway/src/response-cache';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { headersOf, personas } from '@cpb/demo-world/testing';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const communityOverview = readFileSync(join(__dirname, '..', 'schemas', 'operations', 'benchmark', 'community-overview.graphql'), 'utf8');
const community = worldId('community', 0);
const organization = worldId('org-community', 0);

let broker: KafkaBroker;
let federation: Federation;
let reader: TopicReader;
/** Gateways beside the harness's (which has the in-process cache): two sharing Redis, one with the cache off. */
const gateways: Record<'redisA' | 'redisB' | 'off', RunningServer> = {} as never;
let admin: Record<string, string>;

/**
 * The subgraph fetches a gateway made while `work` ran (its /metrics): the services' own statement
 * counts would also count their relays and pruners running beside the test.
 */
async function fetchesDuring(gatewayUrl: string, work: () => Promise<unknown>): Promise<number> {
  const base = gatewayUrl.replace(/\/graphql$/, '');
  const total = (text: string) =>
    subgraphs.reduce((sum, s) => sum + metricValue(text, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: s.name }), 0);
  const before = total(await scrape(base));
  await work();
  return total(await scrape(base)) - before;
}

/** A gateway on the federation's subgraphs with these settings. */
function gatewayWith(env: Record<string, string>): Promise<RunningServer> {
  return startGateway(
    loadConfig(gatewayEnvSchema, {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      ...Object.fromEntries(subgraphs.map((s) => [s.urlVariable, federation.subgraphs[s.name].url])),
      ...env,
    }),
  );
}

beforeAll(async () => {
  broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: s.topic, partitions: 3 })) });
  const kafka = { KAFKA_BROKERS: broker.brokers.join(',') };
  federation = await startFederation({ env: kafka, gatewayEnv: { ...kafka, RESPONSE_CACHE_ENTRIES: '1000' } });
  // One key prefix per run: other runs on this Redis never see these answers or generations.
  const shared = { ...kafka, RESPONSE_CACHE_ENTRIES: '1', REDIS_URL, REDIS_KEY_PREFIX: `test:cache:${randomBytes(4).toString('hex')}:` };
  [gateways.redisA, gateways.redisB, gateways.off] = await Promise.all([gatewayWith(shared), gatewayWith(shared), gatewayWith({})]);
  reader = await startTopicReader(broker.brokers, subgraphs.find((s) => s.name === 'organizations')!.topic);
  admin = await federation.asAdmin();
});

afterAll(async () => {
  await reader?.stop();
  await Promise.all(Object.values(gateways).map((g) => g.stop()));
  await federation?.stop();
  await broker?.stop();
});

interface Answer<T> {
  cache: string | null;
  data: T;
  errors?: unknown[];
}

async function ask<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  return { cache: response.headers.get(CACHE_HEADER), data: body.data, errors: body.errors };
}

type Overview = { community: { name: string; partyOrganization: { name: string; memberCount: number } } };

/** Renames the community's Party organisation through the graph; resolves when its event is on the topic, with the time this process saw it. */
async function renameThroughTheGraph(name: string): Promise<number> {
  const before = reader.messages.length;
  const renamed = await ask(
    federation.gatewayUrl,
    'mutation($id: ID!, $name: String!) { renameOrganization(id: $id, name: $name) { id name } }',
    { id: organization, name },
    admin,
  );
  expect(renamed.errors).toBeUndefined();
  const [event] = (
    await reader.waitFor((messages) => messages.slice(before).some((m) => m.key === organization && m.value.includes(name)), 20_000)
  )
    .slice(before)
    .filter((m) => m.value.includes(name));
  return event.receivedAt;
}

/**
 * Asks every 10 ms until `done` holds for the answer; resolves with the time the first such request was
 * sent (its cache lookup came after that, so the stale answer was gone by then).
 */
async function visibleAt<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  done: (data: T) => boolean,
): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const sentAt = performance.now();
    const answer = await ask<T>(url, query, variables, headers);
    if (done(answer.data)) return sentAt;
    if (Date.now() > deadline) throw new Error(`still not visible after 10 s: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The cache header of the overview asked twice more: the answer that first showed the change may have
 * been read before the event's bump (the commit comes before its event), so it is kept stale and the
 * next ask refills it; the one after must be a hit. A second bump for the same event (one per replica)
 * would make it a miss again.
 */
async function cachedAgain(url: string): Promise<string | null> {
  await ask(url, communityOverview, { id: community }, admin);
  return (await ask(url, communityOverview, { id: community }, admin)).cache;
}

describe('in-process cache (RESPONSE_CACHE_ENTRIES)', () => {
  it('answers a repeated hot query from the cache, the same answer, without asking any subgraph', async () => {
    const first = await ask<Overview>(federation.gatewayUrl, communityOverview, { id: community }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.cache).toMatch(/^(miss|hit)$/);
    let second: Answer<Overview> | undefined;
    const fetches = await fetchesDuring(
      federation.gatewayUrl,
      async () => (second = await ask<Overview>(federation.gatewayUrl, communityOverview, { id: community }, admin)),
    );
    expect(second!.cache).toBe('hit');
    expect(second!.data).toEqual(first.data);
    expect(fetches).toBe(0);
  });

  it('shows a change made through the graph in the cached answer within a second of its event', async () => {
    await ask(federation.gatewayUrl, communityOverview, { id: community }, admin);
    expect((await ask(federation.gatewayUrl, communityOverview, { id: community }, admin)).cache).toBe('hit');
    const name = `缓存党委-${randomBytes(3).toString('hex')}`;
    const eventAt = await renameThroughTheGraph(name);
    const seenAt = await visibleAt<Overview>(
      federation.gatewayUrl,
      communityOverview,
      { id: community },
      admin,
      (d) => d.community.partyOrganization.name === name,
    );
    expect(seenAt - eventAt).toBeLessThan(1_000);
    // And it is cached again from then on.
    expect(await cachedAgain(federation.gatewayUrl)).toBe('hit');
  });

  it("never gives one caller scope another's answer: a member and a secretary asking the same query get their own", async () => {
    const list = await ask<{ members: { edges: { node: { id: string } }[] } }>(
      federation.gatewayUrl,
      'query { members(first: 5) { edges { node { id } } } }',
      {},
      await headersOf('secretary'),
    );
    const someone = list.data.members.edges.map((e) => e.node.id).find((id) => id !== personas.member.memberId)!;
    const query = 'query Person($id: ID!) { member(id: $id) { id name phoneMasked phone } }';
    type Person = { member: { id: string; name: string; phoneMasked: string; phone: string | null } };

    const secretary = await headersOf('secretary');
    const asSecretary = await ask<Person>(federation.gatewayUrl, query, { id: someone }, secretary);
    expect(asSecretary.data.member.phone).toEqual(expect.any(String));
    expect((await ask<Person>(federation.gatewayUrl, query, { id: someone }, secretary)).cache).toBe('hit');

    const member = await headersOf('member');
    const asMember = await ask<Person>(federation.gatewayUrl, query, { id: someone }, member);
    expect(asMember.cache).toBe('miss');
    expect(asMember.data.member).toEqual({ ...asSecretary.data.member, phone: null });
    const again = await ask<Person>(federation.gatewayUrl, query, { id: someone }, member);
    expect([again.cache, again.data.member.phone]).toEqual(['hit', null]);

    // Another community's secretary has another subtree: their own answer too, never the first secretary's.
    const other = await ask<Person>(federation.gatewayUrl, query, { id: someone }, await headersOf('otherSecretary'));
    expect([other.cache, other.data.member.phone]).toEqual(['miss', null]);
    // The same role and scope under another token subject shares the answer (reads never depend on `sub`).
    const sameScope = {
      authorization: `Bearer ${await mintCallerToken({ ...personas.secretary, sub: 'another-secretary-of-community-0' })}`,
    };
    expect((await ask<Person>(federation.gatewayUrl, query, { id: someone }, sameScope)).cache).toBe('hit');
    // And the language is part of the key.
    expect((await ask<Person>(federation.gatewayUrl, query, { id: someone }, { ...secretary, 'accept-language': 'en' })).cache).toBe(
      'miss',
    );
  });

  it('keeps nothing that carries errors or that a subgraph sent no cache hint for', async () => {
    const unhinted = 'query Meetings($id: ID!) { organization(id: $id) { id positions { role } } }';
    await ask(federation.gatewayUrl, unhinted, { id: organization }, admin);
    expect((await ask(federation.gatewayUrl, unhinted, { id: organization }, admin)).cache).toBe('miss');
    const refused = 'query Record($id: ID!) { member(id: $id) { id gender } }';
    const member = await headersOf('member');
    const first = await ask(federation.gatewayUrl, refused, { id: worldId('member', 3) }, member);
    const second = await ask(federation.gatewayUrl, refused, { id: worldId('member', 3) }, member);
    expect(first.errors ?? second.errors).toBeDefined();
    expect(second.cache).toBe('miss');
  });
});

describe('cache off by configuration (RESPONSE_CACHE_ENTRIES=0, the default)', () => {
  it('asks the subgraphs every time and says nothing about a cache', async () => {
    const url = gateways.off.url;
    await ask(url, communityOverview, { id: community }, admin);
    let answer: Answer<Overview> | undefined;
    const fetches = await fetchesDuring(url, async () => (answer = await ask<Overview>(url, communityOverview, { id: community }, admin)));
    expect(answer!.cache).toBeNull();
    expect(fetches).toBeGreaterThanOrEqual(subgraphs.length);
  });
});

describe('shared through Redis (REDIS_URL)', () => {
  it('serves on one gateway what the other cached, and both show a change within a second of its event', async () => {
    const [a, b] = [gateways.redisA.url, gateways.redisB.url];
    expect((await ask(a, communityOverview, { id: community }, admin)).cache).toBe('miss');
    let fromB: Answer<Overview> | undefined;
    const fetches = await fetchesDuring(b, async () => (fromB = await ask<Overview>(b, communityOverview, { id: community }, admin)));
    expect(fromB!.cache).toBe('hit');
    expect(fetches).toBe(0);

    const name = `共享党委-${randomBytes(3).toString('hex')}`;
    const eventAt = await renameThroughTheGraph(name);
    const seen = await Promise.all(
      [a, b].map((url) =>
        visibleAt<Overview>(url, communityOverview, { id: community }, admin, (d) => d.community.partyOrganization.name === name),
      ),
    );
    for (const at of seen) expect(at - eventAt).toBeLessThan(1_000);
    expect(await cachedAgain(a)).toBe('hit');
    expect((await ask(b, communityOverview, { id: community }, admin)).cache).toBe('hit');
  });
});
