import { randomUUID } from 'node:crypto';
import { Partitioners, logLevel, type Producer } from 'kafkajs';
import pino from 'pino';
import {
  CreateProcessedEvents1766000000000,
  openDatabase,
  startConsumer,
  toKafkaMessage,
  type CloudEvent,
  type Database,
  type EventConsumer,
  type EventHandler,
  kafkaClient,
} from '../src';
import { createTestDatabase, startKafkaBroker, type KafkaBroker, type TestDatabase } from '../src/testing';

// One topic per test: a new group reads its topic from the beginning, and must see only that test's events.
const TOPICS = ['a', 'b', 'c', 'd', 'e'].map((name) => `consumertest-${name}.events.v1`);
let topicsUsed = 0;
const nextTopic = () => TOPICS[topicsUsed++];
const realKafka = Boolean(process.env.KAFKA_BROKERS);

let testDb: TestDatabase;
let db: Database;
let broker: KafkaBroker;
let producer: Producer;
const consumers: EventConsumer[] = [];
const logger = pino({ level: 'silent' });

jest.setTimeout(60_000);

beforeAll(async () => {
  testDb = await createTestDatabase('consumer');
  db = await openDatabase({
    serviceName: 'consumertest',
    url: testDb.url,
    poolMax: 5,
    embeddedDataDir: '.data',
    entities: [],
    migrations: [CreateProcessedEvents1766000000000],
    logger,
  });
  // The effect under test: a tally per key, which a double application would visibly overcount.
  await db.dataSource.query(`CREATE TABLE tally (key text PRIMARY KEY, total int NOT NULL)`);
  broker = await startKafkaBroker({ topics: TOPICS.map((name) => ({ name, partitions: 3 })) });
  producer = kafkaClient({ clientId: 'consumer-test', brokers: broker.brokers, logLevel: logLevel.NOTHING }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
});

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop()));
});

afterAll(async () => {
  await producer?.disconnect();
  await db?.close();
  await broker?.stop();
  await testDb?.drop();
});

const addToTally: EventHandler = async (event, { tx }) => {
  const { key, amount } = event.data as { key: string; amount: number };
  await tx.query(`INSERT INTO tally (key, total) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET total = tally.total + EXCLUDED.total`, [
    key,
    amount,
  ]);
};

/** A consumer tuned for tests: short timeouts so joins, outages and disconnects take a moment, not a minute. */
function consume(topic: string, groupId: string, handle: EventHandler = addToTally, maxEventsPerTransaction?: number): EventConsumer {
  const consumer = startConsumer({
    dataSource: db.dataSource,
    groupId,
    brokers: broker.brokers,
    topics: [topic],
    logger,
    handle,
    maxEventsPerTransaction,
    maxBackoffMs: 300,
    kafka: { connectionTimeout: 1_000, requestTimeout: 2_000, retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 500 } },
    group: { sessionTimeout: 6_000, rebalanceTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 50 },
  });
  consumers.push(consumer);
  return consumer;
}

let keyCounter = 0;
function tallyEvent(key: string, amount: number): CloudEvent {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/cpb/consumertest',
    type: 'cn.cpb.tally.added',
    subject: key,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'https://schemas.cpb.example/events/tally.added.json',
    data: { key, amount },
  };
}

/** `count` events spread over `keys` fresh keys, each adding 1 to its key's tally. */
function newEvents(count: number, keys = 5): CloudEvent[] {
  const names = Array.from({ length: keys }, () => `k${(keyCounter += 1)}`);
  return Array.from({ length: count }, (_, i) => tallyEvent(names[i % keys], 1));
}

async function publish(topic: string, events: CloudEvent[]): Promise<void> {
  await producer.send({ topic, acks: -1, messages: events.map(toKafkaMessage) });
}

async function tallies(events: CloudEvent[]): Promise<Record<string, number>> {
  const keys = [...new Set(events.map((e) => e.subject))];
  const rows: { key: string; total: number }[] = await db.dataSource.query(`SELECT key, total FROM tally WHERE key = ANY($1)`, [keys]);
  return Object.fromEntries(rows.map((r) => [r.key, r.total]));
}

/** What the tallies must be if each event counted exactly once. */
function expectedTallies(events: CloudEvent[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const e of new Map(events.map((event) => [event.id, event])).values())
    totals[e.subject] = (totals[e.subject] ?? 0) + (e.data as { amount: number }).amount;
  return totals;
}

async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const seen = (c: EventConsumer) => c.stats.applied + c.stats.duplicates + c.stats.rejected;

it('applies each event id once: redelivered copies are counted as duplicates and change nothing', async () => {
  const topic = nextTopic();
  const consumer = consume(topic, `g-${randomUUID()}`);
  await consumer.joined(15_000);
  const events = newEvents(60);
  await publish(topic, events);
  await publish(topic, events.slice(0, 15)); // the relay resending after a crash between ack and mark
  await eventually(() => seen(consumer) >= 75);
  expect(consumer.stats).toEqual({ applied: 60, duplicates: 15, rejected: 0, failures: 0 });
  expect(await tallies(events)).toEqual(expectedTallies(events));
});

it('resumes after a restart from its committed offsets, and a consumer that lost its offsets double-counts nothing', async () => {
  const topic = nextTopic();
  const groupId = `g-${randomUUID()}`;
  const first = consume(topic, groupId);
  await first.joined(15_000);
  const before = newEvents(40);
  await publish(topic, before);
  await eventually(() => seen(first) >= 40);
  await first.stop();

  // While it is down: new events, and copies of old ones.
  const after = newEvents(30);
  await publish(topic, [...after, ...before.slice(0, 10)]);
  const second = consume(topic, groupId);
  await eventually(() => seen(second) >= 40);
  await new Promise((resolve) => setTimeout(resolve, 300)); // anything re-read from before the restart would show up now
  expect(second.stats).toEqual({ applied: 30, duplicates: 10, rejected: 0, failures: 0 });
  await second.stop();

  // A new group on the same database reads the whole topic again (80 messages): every event is already processed.
  const amnesiac = consume(topic, `g-${randomUUID()}`);
  await eventually(() => seen(amnesiac) >= 80);
  expect(amnesiac.stats).toEqual({ applied: 0, duplicates: 80, rejected: 0, failures: 0 });
  expect(await tallies([...before, ...after])).toEqual(expectedTallies([...before, ...after]));
});

it('rolls the processed_event row back with a failed effect, so the event is retried and applied once', async () => {
  const topic = nextTopic();
  const events = newEvents(20, 2);
  const poisoned = events[7].id;
  let attempts = 0;
  const consumer = consume(
    topic,
    `g-${randomUUID()}`,
    async (event, context) => {
      if (event.id === poisoned && (attempts += 1) <= 2) throw new Error('database hiccup');
      await addToTally(event, context);
    },
    5,
  );
  await consumer.joined(15_000);
  await publish(topic, events);
  await eventually(() => consumer.stats.applied >= 20);
  expect(consumer.stats).toEqual({ applied: 20, duplicates: 0, rejected: 0, failures: 2 });
  expect(await tallies(events)).toEqual(expectedTallies(events));
});

it('skips a message that is not a CloudEvent and goes on with the next ones', async () => {
  const topic = nextTopic();
  const consumer = consume(topic, `g-${randomUUID()}`);
  await consumer.joined(15_000);
  const events = newEvents(4, 1);
  await producer.send({
    topic,
    acks: -1,
    messages: [{ key: events[0].subject, value: '{"hello":"world"}' }, ...events.map(toKafkaMessage)],
  });
  await eventually(() => consumer.stats.applied >= 4);
  expect(consumer.stats).toEqual({ applied: 4, duplicates: 0, rejected: 1, failures: 0 });
  expect(await tallies(events)).toEqual(expectedTallies(events));
});

(realKafka ? it.skip : it)('rides out a broker outage and applies what was published after it', async () => {
  const topic = nextTopic();
  const consumer = consume(topic, `g-${randomUUID()}`);
  await consumer.joined(15_000);
  const early = newEvents(10);
  await publish(topic, early);
  await eventually(() => consumer.stats.applied >= 10);
  await broker.down();
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // long enough for fetches, heartbeats and retries to fail
  await broker.up();
  const late = newEvents(10);
  await publish(topic, late);
  await eventually(() => consumer.stats.applied >= 20, 30_000);
  expect(consumer.stats.duplicates).toBe(0);
  expect(await tallies([...early, ...late])).toEqual(expectedTallies([...early, ...late]));
});
