import { Client } from 'pg';
import { eventTopic, eventValidator, graphql, mintCallerToken, type CloudEvent } from '@cpb/kit';
import { TEST_SERVER_URL, startTopicReader, type KafkaBroker, type ReceivedMessage } from '@cpb/kit/testing';
import { startAnalytics } from '@cpb/analytics';
import { serviceDatabaseUrl, type Stack } from '../scripts/lib/stack';
import { startStackOnBroker, type StackOnBroker } from './stack-on-broker';

jest.setTimeout(90_000);

const TOPIC = eventTopic('organizations');
const realKafka = Boolean(process.env.KAFKA_BROKERS);
let system: StackOnBroker;
let prefix: string;
let broker: KafkaBroker;
let stack: Stack;
let authorization: string;

beforeAll(async () => {
  // No demo seed: the topics then hold only what these tests cause.
  system = await startStackOnBroker('ev', { seedDemo: false });
  ({ broker, stack, prefix } = system);
  authorization = `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'e2e' })}`;
}, 120_000);

afterAll(async () => {
  await system?.stop(['analytics']);
});

/** A mutation through the gateway as a district administrator; fails the test on any GraphQL error. */
async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await graphql<T>(stack.gatewayUrl, query, variables, { authorization });
  if (result.errors || !result.data) throw new Error(`mutation failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const createStreet = (name: string, district: string) =>
  mutate<{ createStreet: { id: string } }>(`mutation CreateStreet($input: CreateStreetInput!) { createStreet(input: $input) { id } }`, {
    input: { name, district },
  }).then((d) => d.createStreet.id);
const createWorkingCommittee = (streetId: string, name: string) =>
  mutate<{ createOrganization: { id: string } }>(
    `mutation CreateCommittee($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: { name, kind: 'WORKING_COMMITTEE', scope: 'STREET', streetId },
    },
  ).then((d) => d.createOrganization.id);
const renameOrganization = (id: string, name: string) =>
  mutate(`mutation Rename($id: ID!, $name: String!) { renameOrganization(id: $id, name: $name) { id } }`, { id, name });

/** Reads the organizations topic from the beginning until `done` holds for the messages with these keys. */
async function readKeys(keys: string[], done: (events: { message: ReceivedMessage; event: CloudEvent }[]) => boolean, timeoutMs: number) {
  const reader = await startTopicReader(broker.brokers, TOPIC);
  const wanted = new Set(keys);
  const mine = () =>
    reader.messages
      .filter((m) => m.key !== null && wanted.has(m.key))
      .map((message) => ({ message, event: JSON.parse(message.value) as CloudEvent }));
  try {
    await reader.waitFor(() => done(mine()), timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything extra (a duplicate, a stray event) shows up now
    return mine();
  } finally {
    await reader.stop();
  }
}

it('publishes exactly the expected street.created event for a mutation through the gateway, keyed by the street id', async () => {
  const streetId = await createStreet('东风街道', '和平区');
  const [{ message, event }, ...others] = await readKeys([streetId], (events) => events.length >= 1, 20_000);
  expect(others).toEqual([]);
  expect(message.key).toBe(streetId);
  expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json' });
  expect(event).toEqual({
    specversion: '1.0',
    id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    source: '/cpb/organizations',
    type: 'cn.cpb.street.created',
    subject: streetId,
    time: expect.any(String),
    datacontenttype: 'application/json',
    dataschema: 'https://schemas.cpb.example/events/street.created.json',
    data: { streetId, name: '东风街道', district: '和平区' },
  });
  expect(Math.abs(Date.now() - Date.parse(event.time))).toBeLessThan(30_000);
  const validate = eventValidator('street.created');
  expect({ valid: validate(event.data), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
});

(realKafka ? it.skip : it)(
  'keeps 200 mutations working with the broker down, then delivers all 200 events in order per aggregate, none lost',
  async () => {
    await broker.down();
    const started = Date.now();
    // 10 streets, a working committee for each, then 18 renames of each committee, one after another per committee.
    const streets = await Promise.all(Array.from({ length: 10 }, (_, i) => createStreet(`停机街道${i}`, '和平区')));
    const committees = await Promise.all(streets.map((streetId, i) => createWorkingCommittee(streetId, `停机党工委${i}-0`)));
    await Promise.all(
      committees.map(async (id, i) => {
        for (let n = 1; n <= 18; n += 1) await renameOrganization(id, `停机党工委${i}-${n}`);
      }),
    );
    const mutationMs = Date.now() - started;

    // All 200 wait in the outbox while the broker is away.
    const db = new Client({ connectionString: serviceDatabaseUrl(TEST_SERVER_URL, `${prefix}organizations`) });
    await db.connect();
    try {
      const [{ waiting }] = (
        await db.query(`SELECT count(*)::int AS waiting FROM outbox WHERE published_at IS NULL AND aggregate_id = ANY($1)`, [
          [...streets, ...committees],
        ])
      ).rows;
      expect(waiting).toBe(200);
    } finally {
      await db.end();
    }

    await broker.up();
    const upAt = Date.now();
    const distinct = (events: { event: CloudEvent }[]) => new Set(events.map((e) => e.event.id)).size;
    const received = await readKeys([...streets, ...committees], (events) => distinct(events) >= 200, 45_000);
    const deliveryMs = Date.now() - upAt;
    expect(distinct(received)).toBe(200);

    // Duplicates (a resend after a timeout) are allowed only as exact copies: same id, same event.
    const byId = new Map<string, string>();
    for (const { message } of received) {
      const { id } = JSON.parse(message.value) as CloudEvent;
      expect({ id, value: byId.get(id) ?? message.value }).toEqual({ id, value: message.value });
      byId.set(id, message.value);
    }

    // In order per aggregate: each committee's first copies read created, then names 1..18 in order.
    const names = new Map<string, string[]>(committees.map((id) => [id, []]));
    const seen = new Set<string>();
    for (const { event } of received) {
      if (seen.has(event.id) || !names.has(event.subject)) continue;
      seen.add(event.id);
      names.get(event.subject)!.push(`${event.type}:${(event.data as { name: string }).name}`);
    }
    committees.forEach((id, i) => {
      expect(names.get(id)).toEqual([
        `cn.cpb.organization.created:停机党工委${i}-0`,
        ...Array.from({ length: 18 }, (_, k) => `cn.cpb.organization.renamed:停机党工委${i}-${k + 1}`),
      ]);
    });
    expect(
      received.filter((r) => r.event.type === 'cn.cpb.street.created' && streets.includes(r.event.subject)).length,
    ).toBeGreaterThanOrEqual(10);
    console.log(
      `200 mutations with the broker down: ${mutationMs} ms; broker up → all 200 read: ${deliveryMs} ms; copies received: ${received.length}`,
    );
  },
);

it('feeds the analytics read model: a community created through the gateway appears with its name', async () => {
  const analytics = await startAnalytics(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: serviceDatabaseUrl(TEST_SERVER_URL, `${prefix}analytics`),
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_GROUP_ID: `e2e-${prefix}`,
    },
    {
      kafka: { connectionTimeout: 1_000, requestTimeout: 2_000 },
      group: { sessionTimeout: 6_000, rebalanceTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 50 },
    },
  );
  try {
    const streetId = await createStreet('向阳街道', '和平区');
    const { createCommunity } = await mutate<{ createCommunity: { id: string } }>(
      `mutation CreateCommunity($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { streetId, name: '向阳社区', grids: ['第1网格'] } },
    );
    const deadline = Date.now() + 30_000;
    let response = await fetch(`${analytics.url}/read-model/communities/${createCommunity.id}`);
    while (response.status === 404 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await fetch(`${analytics.url}/read-model/communities/${createCommunity.id}`);
    }
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      communityId: createCommunity.id,
      name: '向阳社区',
      streetId,
      registrations: { total: 0, active: 0 },
      needs: { open: 0, resolved: 0 },
    });
  } finally {
    await analytics.stop();
  }
});
