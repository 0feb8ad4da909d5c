import { TEST_EVENT_TYPE } from './relay-test-env';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { openDatabase, startRelay, transactor, withKitMigrations, type CloudEvent, type Database, type Relay } from '../src';
import {
  createTestDatabase,
  startKafkaBroker,
  startTopicReader,
  type KafkaBroker,
  type ReceivedMessage,
  type TestDatabase,
} from '../src/testing';

const SERVICE = 'relaytest';
const TOPIC = `${SERVICE}.events.v1`;
const realKafka = Boolean(process.env.KAFKA_BROKERS);

let testDb: TestDatabase;
let db: Database;
let broker: KafkaBroker;
const logLines: { msg: string; relay?: string }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
const relays: Relay[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase('relay');
  db = await openOutboxDatabase(testDb.url);
  broker = await startKafkaBroker({ topics: [{ name: TOPIC, partitions: 3 }] });
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
});

afterAll(async () => {
  await db?.close();
  await broker?.stop();
  await testDb?.drop();
});

function openOutboxDatabase(url: string, poolMax = 5): Promise<Database> {
  return openDatabase({
    serviceName: SERVICE,
    url,
    poolMax,
    embeddedDataDir: '.data',
    entities: [],
    migrations: withKitMigrations([]),
    logger: pino({ level: 'silent' }),
  });
}

/** A relay tuned for tests: fast polls and short timeouts, so outages are noticed and ended quickly. */
function relay(dataSource: DataSource, name: string): Relay {
  const started = startRelay({
    dataSource,
    service: SERVICE,
    brokers: broker.brokers,
    logger: logger.child({ relay: name }),
    pollIntervalMs: 50,
    maxBackoffMs: 500,
    batchSize: 100,
    kafka: { connectionTimeout: 500, requestTimeout: 2_000, retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 200 } },
  });
  relays.push(started);
  return started;
}

/** Waits, bounded, for something the relay does on its own schedule. */
async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let aggregateCounter = 0;
function newAggregates(count: number): string[] {
  return Array.from({ length: count }, () => `agg-${(aggregateCounter += 1)}`);
}

/** Writes events n = from .. to-1 for each aggregate, one transaction per event, as mutations would. */
async function writeEvents(aggregateIds: string[], from: number, to: number, dataSource = db.dataSource): Promise<string[]> {
  const transact = transactor(dataSource);
  for (let n = from; n < to; n += 1) {
    // Aggregates write concurrently; each one's own events come one after another.
    await Promise.all(
      aggregateIds.map((aggregateId) =>
        transact(({ outbox }) => outbox.emit({ type: TEST_EVENT_TYPE, aggregateType: 'Test', aggregateId, data: { n } })),
      ),
    );
  }
  return aggregateIds;
}

async function outboxIds(aggregateIds: string[]): Promise<string[]> {
  const rows: { id: string }[] = await db.dataSource.query(`SELECT id FROM outbox WHERE aggregate_id = ANY($1) ORDER BY seq`, [
    aggregateIds,
  ]);
  return rows.map((row) => row.id);
}

async function unpublished(aggregateIds: string[]): Promise<number> {
  const [{ count }] = await db.dataSource.query(
    `SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL AND aggregate_id = ANY($1)`,
    [aggregateIds],
  );
  return count;
}

/** Reads the topic until every expected event id has arrived; returns the envelopes of these aggregates, in arrival order. */
async function readEvents(aggregateIds: string[], expectedIds: string[]): Promise<{ event: CloudEvent; message: ReceivedMessage }[]> {
  const reader = await startTopicReader(broker.brokers, TOPIC);
  try {
    const wanted = new Set(aggregateIds);
    const mine = () =>
      reader.messages
        .filter((m) => m.key !== null && wanted.has(m.key))
        .map((message) => ({ message, event: JSON.parse(message.value) as CloudEvent }));
    await reader.waitFor(() => new Set(mine().map((r) => r.event.id)).size >= expectedIds.length, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let stray duplicates show up too
    return mine();
  } finally {
    await reader.stop();
  }
}

/** In order per aggregate: taking each event's first copy, every aggregate's `n` runs 0, 1, 2, ... with no gap. */
function expectInOrderWithoutLoss(
  received: { event: CloudEvent }[],
  aggregateIds: string[],
  perAggregate: number,
  expectedIds: string[],
): void {
  const seen = new Set<string>();
  const sequences = new Map(aggregateIds.map((id) => [id, [] as number[]]));
  for (const { event } of received) {
    if (seen.has(event.id)) continue; // a redelivery: same id, which consumers dedupe
    seen.add(event.id);
    sequences.get(event.subject)!.push((event.data as { n: number }).n);
  }
  expect([...seen].sort()).toEqual([...expectedIds].sort());
  const inOrder = Array.from({ length: perAggregate }, (_, n) => n);
  for (const id of aggregateIds) expect({ id, ns: sequences.get(id) }).toEqual({ id, ns: inOrder });
}

it('publishes an outbox row to <service>.events.v1 as a structured CloudEvent keyed by its aggregate id', async () => {
  const running = relay(db.dataSource, 'a');
  const [aggregateId] = await writeEvents(newAggregates(1), 0, 1);
  const [id] = await outboxIds([aggregateId]);
  await running.flush(10_000);
  const [row] = await db.dataSource.query(`SELECT occurred_at, published_at FROM outbox WHERE id = $1`, [id]);
  expect(row.published_at).toBeInstanceOf(Date);

  const received = await readEvents([aggregateId], [id]);
  expect(received).toHaveLength(1);
  const [{ message, event }] = received;
  expect(message.key).toBe(aggregateId);
  expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json' });
  expect(event).toEqual({
    specversion: '1.0',
    id,
    source: '/cpb/relaytest',
    type: 'cn.cpb.relaytest.happened',
    subject: aggregateId,
    time: row.occurred_at.toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'https://schemas.cpb.example/events/relaytest.happened.json',
    data: { n: 0 },
  });
});

(realKafka ? it.skip : it)(
  'keeps mutations working through a broker outage and delivers all 200 events, in order, once it is back',
  async () => {
    const running = relay(db.dataSource, 'b');
    await broker.down();
    const aggregateIds = await writeEvents(newAggregates(10), 0, 20);
    const ids = await outboxIds(aggregateIds);
    expect(ids).toHaveLength(200);
    await eventually(() => logLines.some((l) => l.relay === 'b' && l.msg === 'outbox relay: publishing failed, will retry'));
    expect(await unpublished(aggregateIds)).toBe(200);

    await broker.up();
    await running.flush(20_000);
    expectInOrderWithoutLoss(await readEvents(aggregateIds, ids), aggregateIds, 20, ids);
  },
);

it('lets two relay instances on one database run at once, each event published once and in order', async () => {
  const second = await openOutboxDatabase(testDb.url); // a second replica: its own connection pool
  const leading = () =>
    logLines.filter((l) => l.msg === 'outbox relay: leading (holds the advisory lock)' && l.relay?.startsWith('c')).map((l) => l.relay);
  try {
    const replicas = { c1: relay(db.dataSource, 'c1'), c2: relay(second.dataSource, 'c2') };
    await eventually(() => leading().length > 0);
    const [leader] = leading() as ('c1' | 'c2')[];
    const aggregateIds = await writeEvents(newAggregates(10), 0, 15, second.dataSource);
    const standby = leader === 'c1' ? 'c2' : 'c1';
    await replicas[leader].stop(); // the leader goes away mid-stream: the standby must take over where it stopped
    await writeEvents(aggregateIds, 15, 30, second.dataSource);
    const ids = await outboxIds(aggregateIds);
    await replicas[standby].flush(20_000);

    expect(leading()).toEqual([leader, standby]);
    const received = await readEvents(aggregateIds, ids);
    expect(received.map((r) => r.event.id).sort()).toEqual([...ids].sort()); // once each: no duplicates at all
    expectInOrderWithoutLoss(received, aggregateIds, 30, ids);
  } finally {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await second.close();
  }
});

it('resumes after a restart and after losing its database session, without losing a row', async () => {
  const firstRun = await writeEvents(newAggregates(5), 0, 10);
  const before = relay(db.dataSource, 'd1');
  await before.flush(10_000);
  await before.stop();

  const whileStopped = await writeEvents(newAggregates(5), 0, 10); // written while no relay runs
  const after = relay(db.dataSource, 'd2');
  await after.flush(10_000);
  // A crash of the leader's database session: its advisory lock goes with it, the relay must re-elect itself.
  const [{ killed }] = await db.dataSource.query(
    `SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  expect(killed).toBe(1);
  const afterCrash = await writeEvents(newAggregates(5), 0, 10);
  await after.flush(20_000);

  const d2 = logLines.filter((l) => l.relay === 'd2').map((l) => l.msg);
  expect(d2).toContain('outbox relay: gave up leadership after a database error');
  expect(d2.filter((msg) => msg === 'outbox relay: leading (holds the advisory lock)')).toHaveLength(2);
  const aggregateIds = [...firstRun, ...whileStopped, ...afterCrash];
  const ids = await outboxIds(aggregateIds);
  expectInOrderWithoutLoss(await readEvents(aggregateIds, ids), aggregateIds, 10, ids);
});

it('relays over a pool of one connection (as on embedded PGlite) without a leader lock, and refuses one with it', async () => {
  // PGlite cannot load inside jest's VM; a pool of one on the server is the property that matters.
  const single = await openOutboxDatabase(testDb.url, 1);
  try {
    expect(() => relay(single.dataSource, 'e0')).toThrow('the pool needs at least 2');
    const running = startRelay({
      dataSource: single.dataSource,
      service: SERVICE,
      brokers: broker.brokers,
      logger: logger.child({ relay: 'e1' }),
      leaderLock: false,
      pollIntervalMs: 50,
    });
    relays.push(running);
    const aggregateIds = await writeEvents(newAggregates(3), 0, 5, single.dataSource); // mutations still get the connection
    const ids = await outboxIds(aggregateIds);
    await running.flush(10_000);
    expectInOrderWithoutLoss(await readEvents(aggregateIds, ids), aggregateIds, 5, ids);
  } finally {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await single.close();
  }
});
