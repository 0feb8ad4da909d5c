import { randomUUID } from 'node:crypto';
import { Partitioners, logLevel, type Producer } from 'kafkajs';
import { assertValidEvent, eventTopic, toCloudEvent, toKafkaMessage, type CloudEvent, kafkaClient } from '@cpb/kit';
import { createTestDatabase, startKafkaBroker, type KafkaBroker, type TestDatabase } from '@cpb/kit/testing';
import type { CommunityReport, DistrictSummary } from '../src/reports';
import { ANALYTICS_TOPICS, startAnalytics, type RunningAnalytics } from '../src/service';

jest.setTimeout(90_000);

let testDb: TestDatabase;
let broker: KafkaBroker;
let producer: Producer;
let analytics: RunningAnalytics | undefined;
const groupId = `analytics-test-${randomUUID()}`;
let published = 0;

/** Analytics as its process would run, on a throwaway database, with the short timeouts the mock broker wants. */
async function start(group = groupId): Promise<RunningAnalytics> {
  analytics = await startAnalytics(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: testDb.url,
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_GROUP_ID: group,
    },
    {
      maxBackoffMs: 300,
      kafka: { connectionTimeout: 1_000, requestTimeout: 2_000, retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 500 } },
      group: { sessionTimeout: 6_000, rebalanceTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 50 },
    },
  );
  await analytics.consumer.joined(20_000);
  return analytics;
}

beforeAll(async () => {
  testDb = await createTestDatabase('analytics');
  broker = await startKafkaBroker({ topics: ANALYTICS_TOPICS.map((name) => ({ name, partitions: 3 })) });
  producer = kafkaClient({ clientId: 'analytics-test', brokers: broker.brokers, logLevel: logLevel.NOTHING }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
});

afterAll(async () => {
  await analytics?.stop();
  await producer?.disconnect();
  await broker?.stop();
  await testDb?.drop();
});

/** An event exactly as a service's relay would publish it; its data must match the producer's real schema. */
function event(service: string, type: string, aggregateId: string, data: Record<string, unknown>, occurredAt = new Date()): CloudEvent {
  assertValidEvent(type, data);
  return toCloudEvent(
    {
      seq: '0',
      id: randomUUID(),
      aggregate_type: type.split('.')[0],
      aggregate_id: aggregateId,
      type,
      payload: data,
      occurred_at: occurredAt,
    },
    service,
  );
}

async function publish(...events: CloudEvent[]): Promise<void> {
  for (const e of events)
    await producer.send({ topic: eventTopic(e.source.replace('/cpb/', '')), acks: -1, messages: [toKafkaMessage(e)] });
  published += events.length;
}

/** Waits until the running consumer has handled `count` messages since it started. */
async function handled(count: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const seen = () => analytics!.consumer.stats.applied + analytics!.consumer.stats.duplicates + analytics!.consumer.stats.rejected;
  while (seen() < count) {
    if (Date.now() > deadline) throw new Error(`handled ${seen()} of ${count} messages within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function get<T>(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${analytics!.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

const A = randomUUID();
const B = randomUUID();
const street = randomUUID();
const [regA1, regA2, regB1, needA1, needA2, needB1] = Array.from({ length: 6 }, () => randomUUID());

const communityCreated = (communityId: string, name: string) =>
  event('organizations', 'community.created', communityId, { communityId, streetId: street, name });
function hoursCredited(communityId: string, hours: number, servedAt: string): CloudEvent {
  const activityId = randomUUID();
  return event('activities', 'participation.hours-credited', activityId, {
    participationId: randomUUID(),
    activityId,
    memberId: randomUUID(),
    communityId,
    organizerId: randomUUID(),
    teamId: null,
    servedAt,
    hours,
  });
}
function registered(registrationId: string, communityId: string): CloudEvent {
  const memberId = randomUUID();
  return event('members', 'member.registered-with-community', memberId, {
    registrationId,
    memberId,
    communityId,
    workUnitId: null,
    registeredOn: '2026-05-02',
  });
}
const registrationEnded = (registrationId: string, communityId: string) =>
  event('members', 'member.registration-ended', randomUUID(), {
    registrationId,
    memberId: randomUUID(),
    communityId,
    endedOn: '2026-06-30',
  });
const needRaised = (needId: string, communityId: string) =>
  event('resources', 'need.raised', needId, {
    needId,
    communityId,
    title: '独居老人助餐',
    category: 'ELDERLY_CARE',
    raisedOn: '2026-05-03',
  });
const projectCompleted = (needId: string, communityId: string) =>
  event('resources', 'project.completed', needId, { projectId: randomUUID(), needId, communityId, completedOn: '2026-06-20' });

const firstBatch = [
  communityCreated(A, '东风社区'),
  communityCreated(B, '向阳社区'),
  hoursCredited(A, 2.5, '2026-05-10T02:00:00.000Z'),
  hoursCredited(A, 1.75, '2026-05-31T17:00:00.000Z'), // 1 June, 01:00 in Beijing: a June hour
  hoursCredited(B, 3, '2026-06-01T08:00:00.000Z'),
  registered(regA1, A),
  registered(regA2, A),
  registered(regB1, B),
  registrationEnded(regA1, A),
  needRaised(needA1, A),
  needRaised(needA2, A),
  needRaised(needB1, B),
  projectCompleted(needA1, A),
  projectCompleted(needA1, A), // a second project on the same need resolves nothing more
  event('activities', 'activity.cancelled', randomUUID(), {
    activityId: randomUUID(),
    communityId: A,
    wasPublished: true,
    cancelledSignUps: 3,
  }), // not this read model's business
];

it('builds volunteering per community and month, registrations and open needs, counting redelivered events once', async () => {
  await start();
  await publish(...firstBatch);
  await publish(...firstBatch.slice(2, 6)); // the relay resending after a crash: same ids
  await handled(published);
  expect(analytics!.consumer.stats).toEqual({ applied: firstBatch.length, duplicates: 4, rejected: 0, failures: 0 });

  const { status, body } = await get<CommunityReport>(`/read-model/communities/${A}`);
  expect(status).toBe(200);
  expect({ ...body, asOf: undefined }).toEqual({
    communityId: A,
    name: '东风社区',
    streetId: street,
    members: 0,
    registrations: { total: 2, active: 1 },
    needs: { open: 1, resolved: 1 },
    volunteerHours: 4.25,
    participations: 2,
    months: [
      { month: '2026-05', volunteerHours: 2.5, participations: 1 },
      { month: '2026-06', volunteerHours: 1.75, participations: 1 },
    ],
    asOf: undefined,
  });
  expect(body.asOf.eventsApplied).toBe(firstBatch.length - 1); // all but the cancelled activity fed the read model
});

it('serves the district summary: totals, months and each community', async () => {
  const { status, body } = await get<DistrictSummary>('/read-model/summary');
  expect(status).toBe(200);
  expect(body.totals).toEqual({
    communities: 2,
    members: 0,
    registrations: { total: 3, active: 2 },
    needs: { open: 2, resolved: 1 },
    volunteerHours: 7.25,
    participations: 3,
  });
  expect(body.months).toEqual([
    { month: '2026-05', volunteerHours: 2.5, participations: 1 },
    { month: '2026-06', volunteerHours: 4.75, participations: 2 },
  ]);
  expect(body.communities.map((c) => [c.name, c.volunteerHours, c.needs.open, c.registrations.active])).toEqual([
    ['东风社区', 4.25, 1, 1],
    ['向阳社区', 3, 1, 1],
  ]);
});

it('resumes after a restart without counting anything twice, and a group that lost its offsets adds nothing', async () => {
  await analytics!.stop();
  const later = [hoursCredited(B, 1.5, '2026-06-15T01:00:00.000Z'), needRaised(randomUUID(), B), registrationEnded(regB1, B)];
  await publish(...later, ...firstBatch.slice(8, 12)); // new events and copies of old ones while it was down
  await start();
  await handled(later.length + 4);
  await new Promise((resolve) => setTimeout(resolve, 300)); // anything re-read from before the restart would show up now
  expect(analytics!.consumer.stats).toEqual({ applied: 3, duplicates: 4, rejected: 0, failures: 0 });
  const expected = {
    communities: 2,
    members: 0,
    registrations: { total: 3, active: 1 },
    needs: { open: 3, resolved: 1 },
    volunteerHours: 8.75,
    participations: 4,
  };
  expect((await get<DistrictSummary>('/read-model/summary')).body.totals).toEqual(expected);

  await analytics!.stop();
  await start(`${groupId}-amnesiac`); // reads every topic from the beginning into the same database
  await handled(published);
  expect(analytics!.consumer.stats.applied).toBe(0);
  expect((await get<DistrictSummary>('/read-model/summary')).body.totals).toEqual(expected);
});

it('answers 400 for an id that is not a UUID, 404 for a community no event has named, and /health, /ready, /metrics', async () => {
  const refusal = { error: 'BAD_REQUEST', messageKey: 'analytics.communityId', messageParams: {} };
  expect(await get('/read-model/communities/not-a-uuid', { 'accept-language': 'en' })).toEqual({
    status: 400,
    body: { ...refusal, message: 'The community id must be a UUID' },
  });
  expect(await get('/read-model/communities/not-a-uuid')).toEqual({ status: 400, body: { ...refusal, message: '社区 ID 须为 UUID' } });
  const unknown = randomUUID();
  expect(await get(`/read-model/communities/${unknown}`)).toEqual({
    status: 404,
    body: {
      error: 'NOT_FOUND',
      message: `尚无事件提及社区 ${unknown}`,
      messageKey: 'analytics.communityUnknown',
      messageParams: { id: unknown },
    },
  });
  expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  const metrics = await (await fetch(`${analytics!.url}/metrics`)).text();
  // The kit consumer's counters agree with its own tally, summed over the four topics.
  const counted = (outcome: string) =>
    [...metrics.matchAll(new RegExp(`^kafka_consumer_events_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)$`, 'gm'))].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
  expect(counted('applied')).toBe(analytics!.consumer.stats.applied);
  expect(counted('duplicate')).toBe(analytics!.consumer.stats.duplicates);
  expect(metrics).toMatch(/^kafka_consumer_group_member\{group="[^"]+",service="analytics"\} 1$/m);
});

it('logs and skips an event that lacks what the read model needs, and goes on with the next', async () => {
  const broken = toCloudEvent(
    {
      seq: '0',
      id: randomUUID(),
      aggregate_type: 'activity',
      aggregate_id: randomUUID(),
      type: 'participation.hours-credited',
      payload: { communityId: A },
      occurred_at: new Date(),
    },
    'activities',
  );
  const before = (await get<CommunityReport>(`/read-model/communities/${A}`)).body;
  const seenBefore = analytics!.consumer.stats.applied + analytics!.consumer.stats.duplicates;
  await publish(broken, hoursCredited(A, 1, '2026-07-01T03:00:00.000Z'));
  await handled(seenBefore + 2);
  const after = (await get<CommunityReport>(`/read-model/communities/${A}`)).body;
  expect([after.volunteerHours, after.participations]).toEqual([before.volunteerHours + 1, before.participations + 1]);
});

it('skips and counts an event type it does not know and a property its schema does not declare, never stops, and counts a redelivery once', async () => {
  const stats = analytics!.consumer.stats;
  const seenBefore = stats.applied + stats.duplicates + stats.rejected;
  const before = (await get<DistrictSummary>('/read-model/summary')).body.totals;
  // A newer members service emitting a v2 type this consumer was not built with.
  const memberId = randomUUID();
  const unknownType = toCloudEvent(
    {
      seq: '0',
      id: randomUUID(),
      aggregate_type: 'member',
      aggregate_id: memberId,
      type: 'member.admitted.v2',
      payload: { memberId, cohort: '2026春' },
      occurred_at: new Date(),
    },
    'members',
  );
  // A newer activities service that added an optional property (compatible, so the same type).
  const withNewProperty = hoursCredited(A, 2, '2026-07-02T03:00:00.000Z');
  withNewProperty.data.rating = 5;
  await publish(unknownType, withNewProperty, hoursCredited(B, 1, '2026-07-03T03:00:00.000Z'), unknownType);
  await handled(seenBefore + 4);

  expect(analytics!.consumer.stats.failures).toBe(0);
  const after = (await get<DistrictSummary>('/read-model/summary')).body;
  expect([after.totals.volunteerHours, after.totals.participations]).toEqual([before.volunteerHours + 3, before.participations + 2]);
  expect(after.asOf.skipped).toEqual({ unknownTypes: 1, unknownProperties: 1, missingFields: 1 }); // missing fields: the broken event above
  const { body } = await get<{ skipped: { reason: string; type: string; property?: string; count: number }[] }>('/read-model/skipped');
  expect(body.skipped.map(({ reason, type, property, count }) => ({ reason, type, property, count }))).toEqual([
    { reason: 'missing-fields', type: 'participation.hours-credited', property: undefined, count: 1 },
    { reason: 'unknown-property', type: 'participation.hours-credited', property: 'rating', count: 1 },
    { reason: 'unknown-type', type: 'member.admitted.v2', property: undefined, count: 1 },
  ]);
});
