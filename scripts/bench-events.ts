/**
 * Measures the outbox relay against the mock Kafka broker (infra/kafka-mock) and the test Postgres server:
 *   npx tsx scripts/bench-events.ts [--events 20000] [--samples 300]
 * - throughput: events/s the relay publishes from a full outbox (read, send, mark), next to a plain
 *   kafkajs producer sending the same messages, same batch size and settings, to the same broker;
 * - latency: a mutation starts → a consumer group sees its event (and → the relay marked it sent),
 *   p50/p99, at two poll intervals.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import pino from 'pino';
import {
  withKitMigrations,
  openDatabase,
  startRelay,
  toCloudEvent,
  toKafkaMessage,
  transactor,
  type Database,
  type OutboxRow,
} from '@cpb/kit';
import { createTestDatabase, startKafkaBroker, startTopicReader, type KafkaBroker } from '@cpb/kit/testing';

const SERVICE = 'bench';
const BATCH = 500;
const AGGREGATES = 200;
const quiet = pino({ level: 'warn' });

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

/** Fills the outbox with `count` unpublished rows over AGGREGATES aggregates, in one statement. */
async function fillOutbox(db: Database, count: number): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload)
     SELECT gen_random_uuid(), 'Organization', 'org-' || (i % $2), 'organization.renamed',
            jsonb_build_object('organizationId', gen_random_uuid(), 'name', '第' || i || '党支部', 'previousName', '旧名称 ' || i)
     FROM generate_series(1, $1) AS i`,
    [count, AGGREGATES],
  );
}

async function relayThroughput(db: Database, broker: KafkaBroker, events: number): Promise<number> {
  await fillOutbox(db, events);
  const started = performance.now();
  const relay = startRelay({ dataSource: db.dataSource, service: SERVICE, brokers: broker.brokers, logger: quiet, batchSize: BATCH });
  await relay.flush(120_000);
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  return events / seconds;
}

/** The same messages the relay sent, sent again by a bare producer with the same settings: Kafka's share of the cost. */
async function plainThroughput(db: Database, broker: KafkaBroker): Promise<number> {
  const rows: OutboxRow[] = await db.dataSource.query(`SELECT * FROM outbox ORDER BY seq`);
  const messages = rows.map((row) => toKafkaMessage(toCloudEvent(row, SERVICE)));
  const kafka = new Kafka({ clientId: 'bench-plain', brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1, idempotent: false });
  await producer.connect();
  const started = performance.now();
  for (let at = 0; at < messages.length; at += BATCH) {
    await producer.send({ topic: 'plain.events.v1', acks: -1, messages: messages.slice(at, at + BATCH) });
  }
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  return messages.length / seconds;
}

/** Commits one mutation's event at a time (about 50/s) and times each until the consumer has it. */
function percentiles(values: number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99) };
}

async function latency(db: Database, broker: KafkaBroker, samples: number, pollIntervalMs: number) {
  const relay = startRelay({ dataSource: db.dataSource, service: SERVICE, brokers: broker.brokers, logger: quiet, pollIntervalMs });
  await relay.flush(60_000);
  const reader = await startTopicReader(broker.brokers, `${SERVICE}.events.v1`);
  const transact = transactor(db.dataSource);
  const sent = new Map<string, number>();
  try {
    for (let i = 0; i < samples; i += 1) {
      const organizationId = randomUUID();
      const startedAt = performance.now();
      await transact(async ({ outbox }) => {
        await outbox.emit({
          type: 'organization.renamed',
          aggregateType: 'Organization',
          aggregateId: organizationId,
          data: { organizationId, name: `支部 ${i}`, previousName: `旧 ${i}` },
        });
      });
      sent.set(organizationId, startedAt);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seen = (key: string | null) => key !== null && sent.has(key);
    await reader.waitFor((messages) => messages.filter((m) => seen(m.key)).length >= samples, 60_000);
    const toConsumer = reader.messages.filter((m) => seen(m.key)).map((m) => m.receivedAt - sent.get(m.key!)!);
    // Without the consumer's share, on the database's clock: transaction start → marked published (after the ack).
    const marked: { ms: number }[] = await db.dataSource.query(
      `SELECT extract(epoch FROM published_at - occurred_at) * 1000 AS ms FROM outbox WHERE aggregate_id = ANY($1)`,
      [[...sent.keys()]],
    );
    return { pollIntervalMs, consumer: percentiles(toConsumer), relay: percentiles(marked.map((row) => Number(row.ms))) };
  } finally {
    await reader.stop();
    await relay.stop();
  }
}

async function main(): Promise<void> {
  const events = option('events', 20_000);
  const samples = option('samples', 300);
  const broker = await startKafkaBroker({
    topics: [
      { name: `${SERVICE}.events.v1`, partitions: 3 },
      { name: 'plain.events.v1', partitions: 3 },
    ],
  });
  const testDb = await createTestDatabase('bench_events');
  const db = await openDatabase({
    serviceName: SERVICE,
    url: testDb.url,
    poolMax: 4,
    embeddedDataDir: '.data',
    entities: [],
    migrations: withKitMigrations([]),
    logger: quiet,
  });
  try {
    const relayRate = await relayThroughput(db, broker, events);
    const plainRate = await plainThroughput(db, broker);
    const slow = await latency(db, broker, samples, 200);
    const fast = await latency(db, broker, samples, 50);
    const f = (n: number) => Math.round(n).toLocaleString('en-US');
    const p = ({ p50, p99 }: { p50: number; p99: number }) => `p50 ${f(p50)} ms, p99 ${f(p99)} ms`;
    console.log(
      `\nOutbox relay on the mock broker (${events} events, ${AGGREGATES} aggregates, batches of ${BATCH}, 3 partitions, acks -1)\n`,
    );
    console.table([
      { measure: 'relay throughput (read + send + mark)', value: `${f(relayRate)} events/s` },
      { measure: 'plain kafkajs producer, same messages', value: `${f(plainRate)} events/s` },
      ...[slow, fast].flatMap(({ pollIntervalMs, consumer, relay }) => [
        { measure: `mutation → consumer sees it, poll ${pollIntervalMs} ms`, value: p(consumer) },
        { measure: `mutation → broker acked and row marked, poll ${pollIntervalMs} ms`, value: p(relay) },
      ]),
    ]);
    console.log(`latency: ${samples} mutations, one every ~20 ms, each its own transaction`);
  } finally {
    await db.close();
    await testDb.drop();
    await broker.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
