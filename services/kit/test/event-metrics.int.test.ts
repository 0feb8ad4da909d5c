import { TEST_EVENT_TYPE } from './relay-test-env';
import { randomUUID } from 'node:crypto';
import { logLevel } from 'kafkajs';
import pino from 'pino';
import type { Registry } from 'prom-client';
import {
  createMetrics,
  observeOutbox,
  startConsumer,
  startRelay,
  toCloudEvent,
  toKafkaMessage,
  transactor,
  type Database,
  type EventConsumer,
  type Relay,
  kafkaClient,
} from '../src';
import { createKitDatabase, metricValue, startKafkaBroker, type KafkaBroker, type KitDatabase } from '../src/testing';

/**
 * The outbox, relay and consumer metrics move with known work: backlog and age while nothing
 * publishes, leadership, publishes and failures across an outage, and a consumer's outcomes and lag.
 */
const SERVICE = 'metricstest';
const TOPIC = `${SERVICE}.events.v1`;
const CONSUMED = 'metricstest.consumed.v1';
const quiet = pino({ level: 'silent' });

let kitDb: KitDatabase;
let db: Database;
let broker: KafkaBroker;
const stoppers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  kitDb = await createKitDatabase('metrics', { serviceName: SERVICE, poolMax: 6, logger: quiet });
  db = kitDb.db;
  broker = await startKafkaBroker({
    topics: [
      { name: TOPIC, partitions: 3 },
      { name: CONSUMED, partitions: 1 },
    ],
  });
});

afterEach(async () => {
  for (const stop of stoppers.splice(0).reverse()) await stop();
});

afterAll(async () => {
  await broker?.stop();
  await kitDb?.drop();
});

const kafkaTuning = { connectionTimeout: 500, requestTimeout: 2_000, retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 200 } };

function relay(registry: Registry): Relay {
  const started = startRelay({
    dataSource: db.dataSource,
    service: SERVICE,
    brokers: broker.brokers,
    logger: quiet,
    pollIntervalMs: 50,
    maxBackoffMs: 300,
    kafka: kafkaTuning,
    metrics: registry,
  });
  stoppers.push(() => started.stop());
  return started;
}

async function emit(count: number): Promise<void> {
  const transact = transactor(db.dataSource);
  for (let n = 0; n < count; n += 1)
    await transact(({ outbox }) => outbox.emit({ type: TEST_EVENT_TYPE, aggregateType: 'Test', aggregateId: `agg-${n}`, data: { n } }));
}

async function eventually(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('reports the outbox backlog and the age of its oldest event, then the relay leading, publishing and failing through an outage', async () => {
  const { registry } = createMetrics(SERVICE, false);
  observeOutbox(registry, db.dataSource, quiet);
  const value = async (name: string, labels: Record<string, string> = {}) => metricValue(await registry.metrics(), name, labels);
  expect(await value('outbox_unpublished_events')).toBe(0);
  expect(await value('outbox_oldest_unpublished_age_seconds')).toBe(0);

  await emit(3);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  expect(await value('outbox_unpublished_events')).toBe(3);
  expect(await value('outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(1);

  const leader = relay(registry);
  await leader.flush();
  expect(await value('outbox_relay_published_events_total', { topic: TOPIC })).toBe(3);
  expect(await value('outbox_relay_leader', { topic: TOPIC })).toBe(1);
  expect(await value('outbox_relay_publish_duration_seconds_count', { topic: TOPIC })).toBeGreaterThanOrEqual(1);
  expect(await value('outbox_unpublished_events')).toBe(0);
  expect(await value('outbox_oldest_unpublished_age_seconds')).toBe(0);

  // A second replica on the same database stands by while the first holds the lock.
  const standby = createMetrics(SERVICE, false).registry;
  relay(standby);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(metricValue(await standby.metrics(), 'outbox_relay_leader', { topic: TOPIC })).toBe(0);

  await broker.down();
  try {
    await emit(1);
    await eventually(async () => (await value('outbox_relay_publish_failures_total', { topic: TOPIC })) >= 1);
    expect(await value('outbox_unpublished_events')).toBe(1);
  } finally {
    await broker.up();
  }
  await leader.flush(20_000);
  expect(await value('outbox_relay_published_events_total', { topic: TOPIC })).toBe(4);
});

it('counts what a consumer group applied, skipped as redelivered or rejected, and its lag per partition', async () => {
  const producer = kafkaClient({
    clientId: 'metrics-test',
    brokers: broker.brokers,
    logLevel: logLevel.NOTHING,
    ...kafkaTuning,
  }).producer();
  await producer.connect();
  stoppers.push(() => producer.disconnect());
  const events = Array.from({ length: 4 }, (_, n) =>
    toCloudEvent(
      {
        seq: String(n),
        id: randomUUID(),
        aggregate_type: 'Test',
        aggregate_id: 'one',
        type: TEST_EVENT_TYPE,
        payload: { n },
        occurred_at: new Date(),
      },
      SERVICE,
    ),
  );
  // Four events, the first one again (a redelivery), and a record that is no CloudEvent: all waiting before the consumer starts.
  await producer.send({
    topic: CONSUMED,
    acks: -1,
    messages: [...events, events[0]].map(toKafkaMessage).concat([{ key: 'one', value: 'not json' }]),
  });

  const { registry } = createMetrics(SERVICE, false);
  const value = async (name: string, labels: Record<string, string> = {}) => metricValue(await registry.metrics(), name, labels);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let seen = 0;
  const consumer: EventConsumer = startConsumer({
    dataSource: db.dataSource,
    groupId: `metrics-${randomUUID()}`,
    brokers: broker.brokers,
    topics: [CONSUMED],
    logger: quiet,
    metrics: registry,
    maxEventsPerTransaction: 1,
    kafka: kafkaTuning,
    group: { sessionTimeout: 6_000, rebalanceTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 50 },
    // The first event waits until the test has seen the lag of the whole partition.
    handle: async () => {
      seen += 1;
      if (seen === 1) await held;
    },
  });
  stoppers.push(() => consumer.stop());
  await consumer.joined(20_000);
  expect(await value('kafka_consumer_group_member')).toBe(1);
  await eventually(async () => seen === 1);
  expect(await value('kafka_consumer_lag', { topic: CONSUMED, partition: '0' })).toBe(6);
  release();
  await eventually(async () => (await value('kafka_consumer_events_total', { topic: CONSUMED })) === 6);
  expect(await value('kafka_consumer_events_total', { topic: CONSUMED, outcome: 'applied' })).toBe(4);
  expect(await value('kafka_consumer_events_total', { topic: CONSUMED, outcome: 'duplicate' })).toBe(1);
  expect(await value('kafka_consumer_events_total', { topic: CONSUMED, outcome: 'rejected' })).toBe(1);
  expect(await value('kafka_consumer_lag', { topic: CONSUMED, partition: '0' })).toBe(0);
  expect(await value('kafka_consumer_failures_total')).toBe(0);
});
