import { Partitioners, logLevel, type KafkaConfig, type LogEntry, type Producer } from 'kafkajs';
import { kafkaClient } from './kafka-client';
import type { Registry } from 'prom-client';
import type { DataSource, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { kafkaBrokersSetting } from '../config';
import type { Logger } from '../logger';
import { relayMetrics, type RelayMetrics } from '../telemetry/event-metrics';
import { eventTopic, toCloudEvent, toKafkaMessage, withTraceHeaders, type OutboxRow } from './envelope';
import { startPublishSpans } from './publish-spans';

/** The settings a service reads to run its relay; merge into the service's env schema. */
export const kafkaEnvSchema = z.object({
  /** Comma-separated `host:port` list; absent means no relay (events stay in the outbox). */
  KAFKA_BROKERS: kafkaBrokersSetting,
  /** kafkajs's idempotent producer (experimental there; the mock test broker does not serve it). */
  KAFKA_IDEMPOTENT: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Outbox rows the relay sends per request (the fault suite makes it small so a kill lands between batches). */
  OUTBOX_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
});

export interface RelayOptions {
  dataSource: DataSource;
  /** Names the topic (`<service>.events.v1`) and the CloudEvents source (`/cpb/<service>`). */
  service: string;
  brokers: string[];
  logger: Logger;
  /**
   * Only the holder of a Postgres advisory lock publishes, so replicas neither double-publish nor
   * reorder (docs/decisions/0002-outbox-relay.md). Turn off only where no other process can reach the
   * database (embedded PGlite, whose single connection the relay must not keep).
   */
  leaderLock?: boolean;
  idempotent?: boolean;
  topic?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Ceiling of the exponential backoff after a failure (Kafka or database). */
  maxBackoffMs?: number;
  schemaBaseUri?: string;
  /** kafkajs timeouts and retries for the producer; the relay's own loop retries forever on top. */
  kafka?: Pick<KafkaConfig, 'connectionTimeout' | 'requestTimeout' | 'retry' | 'clientId'>;
  /** Where leadership, publish counts and failures are reported (the service's /metrics). */
  metrics?: Registry;
}

export interface Relay {
  /** Resolves once every row unpublished at call time is published (by this or another replica). */
  flush(timeoutMs?: number): Promise<void>;
  /** Finishes the batch in flight, gives up leadership and disconnects. */
  stop(): Promise<void>;
}

/** One lock per database (advisory locks are per database), whatever the service. */
const LEADER_LOCK_KEY = 'cpb.outbox-relay';

const SELECT_BATCH = `
  SELECT seq, id, aggregate_type, aggregate_id, type, payload, occurred_at, traceparent, tracestate
  FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1`;
const MARK_PUBLISHED = `UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`;

/** Publishes the service's outbox to Kafka: in order per aggregate, at least once, across outages and restarts. */
export function startRelay(options: RelayOptions): Relay {
  const { dataSource, service, logger } = options;
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const topic = options.topic ?? eventTopic(service);
  const log = logger.child({ component: 'outbox-relay', topic });
  const metrics = relayMetrics(options.metrics, topic);
  const kafka = kafkaClient({
    clientId: `${service}-outbox-relay`,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    // kafkajs gives up after a few quick retries; the loop below then backs off and tries again, forever.
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 2_000 },
    ...options.kafka,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(log),
  });
  const poolMax = (dataSource.options as { extra?: { max?: number } }).extra?.max;
  if (options.leaderLock !== false && poolMax === 1) {
    // The leader keeps a connection for as long as it leads: with a pool of one, nothing else could run.
    throw new Error(
      'outbox relay: the leader lock keeps one pooled connection, so the pool needs at least 2 (DATABASE_POOL_MAX); ' +
        'only a database no other process reaches (embedded PGlite) may run with leaderLock: false',
    );
  }
  const leadership = options.leaderLock === false ? undefined : new Leadership(dataSource, log, metrics);
  // Without the lock this process is the only relay of its database.
  if (!leadership) metrics.leading(true);
  const wakeable = new WakeableSleep();
  let producer: Producer | undefined;
  let stopping = false;

  async function connectedProducer(): Promise<Producer> {
    if (producer) return producer;
    const fresh = kafka.producer({
      // Java-compatible murmur2 on the key: the same partition a Java or librdkafka producer would pick.
      createPartitioner: Partitioners.DefaultPartitioner,
      // One request at a time: a retried request can never overtake the one after it.
      maxInFlightRequests: 1,
      idempotent: options.idempotent ?? false,
      allowAutoTopicCreation: false,
    });
    await fresh.connect();
    producer = fresh;
    return fresh;
  }

  async function dropProducer(): Promise<void> {
    const old = producer;
    producer = undefined;
    await old?.disconnect().catch(() => undefined);
  }

  /** Sends the oldest unpublished rows in one request and marks them once the broker has acked; returns how many. */
  async function relayBatch(): Promise<number> {
    const runner = leadership ? await leadership.acquire() : undefined;
    if (leadership && !runner) return 0; // another replica leads
    const query = (sql: string, params: unknown[]) => (runner ? runner.query(sql, params) : dataSource.query(sql, params));
    let rows: OutboxRow[];
    try {
      rows = await query(SELECT_BATCH, [batchSize]);
    } catch (error) {
      await leadership?.resign(error);
      throw error;
    }
    if (rows.length === 0) return 0;
    const spans = startPublishSpans(rows, topic);
    const sendStarted = process.hrtime.bigint();
    try {
      const sender = await connectedProducer();
      await sender.send({
        topic,
        acks: -1,
        messages: rows.map((row, i) =>
          withTraceHeaders(toKafkaMessage(toCloudEvent(row, service, options.schemaBaseUri)), spans.headers[i]),
        ),
      });
      spans.end();
      metrics.published(rows.length, Number(process.hrtime.bigint() - sendStarted) / 1e9);
    } catch (error) {
      spans.end(error);
      await dropProducer(); // a fresh producer after an outage beats reasoning about kafkajs's half-broken state
      throw error;
    }
    try {
      await query(MARK_PUBLISHED, [rows.map((row) => row.seq)]);
    } catch (error) {
      // Sent but not marked: the rows go out again later (at least once; consumers dedupe by id).
      await leadership?.resign(error);
      throw error;
    }
    log.debug({ count: rows.length, lastSeq: rows[rows.length - 1]?.seq }, 'outbox rows published');
    return rows.length;
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopping) {
      try {
        const sent = await relayBatch();
        failures = 0;
        // A full batch means more are waiting: go again at once; otherwise wait for the next poll.
        if (sent < batchSize) await wakeable.sleep(leadership?.isLeader() === false ? Math.max(pollIntervalMs, 1_000) : pollIntervalMs);
      } catch (error) {
        failures += 1;
        metrics.failed();
        const backoff = Math.min(maxBackoffMs, pollIntervalMs * 2 ** Math.min(failures - 1, 10));
        const delayMs = Math.round(backoff / 2 + Math.random() * (backoff / 2)); // jitter: replicas do not retry in lockstep
        log.warn({ err: error, failures, retryInMs: delayMs }, 'outbox relay: publishing failed, will retry');
        await wakeable.sleep(delayMs, true);
      }
    }
  }

  const running = run();
  let stopped: Promise<void> | undefined;
  log.info({ brokers: options.brokers, leaderLock: Boolean(leadership) }, 'outbox relay started');

  return {
    async flush(timeoutMs = 30_000) {
      const [{ last }] = await dataSource.query(`SELECT max(seq) AS last FROM outbox WHERE published_at IS NULL`);
      if (last === null) return;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        wakeable.nudge();
        const [{ pending }] = await dataSource.query(
          `SELECT EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL AND seq <= $1) AS pending`,
          [last],
        );
        if (!pending) return;
        if (Date.now() > deadline) throw new Error(`outbox relay: rows up to seq ${last} still unpublished after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        wakeable.wake();
        await running;
        await leadership?.resign();
        metrics.leading(false);
        await dropProducer();
        log.info('outbox relay stopped');
      })();
      return stopped;
    },
  };
}

/**
 * Leader election by a session-level advisory lock: the leader keeps one pooled connection that holds
 * the lock and runs all its reads and marks, so if that session dies the lock goes with it and a
 * standby takes over, while the old leader's marks fail instead of racing the new leader.
 */
class Leadership {
  private runner: QueryRunner | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
    private readonly metrics: RelayMetrics,
  ) {}

  isLeader(): boolean {
    return this.runner !== undefined;
  }

  async acquire(): Promise<QueryRunner | undefined> {
    if (this.runner) return this.runner;
    const runner = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [LEADER_LOCK_KEY]);
      if (locked) {
        this.runner = runner;
        this.metrics.leading(true);
        this.log.info('outbox relay: leading (holds the advisory lock)');
        return runner;
      }
    } catch (error) {
      await releaseConnection(runner, error);
      throw error;
    }
    await runner.release();
    return undefined;
  }

  /** Gives the lock up: unlocks on a healthy session; after an error, closes the connection, which frees it too. */
  async resign(error?: unknown): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = undefined;
    this.metrics.leading(false);
    if (error === undefined) {
      try {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [LEADER_LOCK_KEY]);
        await runner.release();
        return;
      } catch (unlockError) {
        error = unlockError;
      }
    }
    await releaseConnection(runner, error);
    this.log.warn({ err: error }, 'outbox relay: gave up leadership after a database error');
  }
}

/** Returns a connection to the pool as broken, so pg closes it rather than reusing it (and a lock on it ends). */
async function releaseConnection(runner: QueryRunner, error: unknown): Promise<void> {
  const postgres = runner as QueryRunner & { releasePostgresConnection?: (err?: unknown) => Promise<void> };
  if (postgres.releasePostgresConnection)
    await postgres.releasePostgresConnection(error instanceof Error ? error : new Error(String(error)));
  else await runner.release();
}

/** The loop's pauses: `stop` ends any of them; `flush` cuts a poll short but never a backoff after a failure. */
class WakeableSleep {
  private wakeUp: (() => void) | undefined;
  private isBackoff = false;

  sleep(ms: number, backoff = false): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      this.isBackoff = backoff;
    });
  }

  /** Ends a poll wait early (flush). */
  nudge(): void {
    if (!this.isBackoff) this.wakeUp?.();
  }

  /** Ends any wait (stop). */
  wake(): void {
    this.wakeUp?.();
  }
}

/** kafkajs's own lines repeat what the relay logs once per failed attempt (at warn), so they go to debug. */
function kafkaLogCreator(log: Logger) {
  return () =>
    ({ namespace, level, log: { message, ...extra } }: LogEntry) => {
      log.debug({ kafkajs: namespace, kafkaLevel: logLevel[level], ...extra }, message);
    };
}
