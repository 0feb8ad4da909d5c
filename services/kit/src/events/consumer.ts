import {
  logLevel,
  type Consumer,
  type ConsumerConfig,
  type EachBatchPayload,
  type KafkaConfig,
  type KafkaMessage,
  type LogEntry,
} from 'kafkajs';
import { kafkaClient } from './kafka-client';
import type { Registry } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../logger';
import { consumerMetrics } from '../telemetry/event-metrics';
import type { CloudEvent } from './envelope';
import { processInSpan } from './process-spans';
import { withinTransaction } from '../transact';

/** Where an event came from, and the transaction its effect must be written in. */
export interface EventContext {
  /** Write every effect through this manager: it commits together with the processed_event row, or not at all. */
  tx: EntityManager;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

export type EventHandler = (event: CloudEvent, context: EventContext) => Promise<void>;

export interface ConsumerOptions {
  /** The consumer's own database; it needs the processed_event table (CreateProcessedEvents migration). */
  dataSource: DataSource;
  /** The Kafka consumer group: one per read model or reaction, so each gets every event. */
  groupId: string;
  brokers: string[];
  topics: string[];
  logger: Logger;
  /** Applies one event. Runs once per event id (source + id), inside the transaction that records it. */
  handle: EventHandler;
  /** Events applied per database transaction (default 100); fewer isolate a failing event sooner, more go faster. */
  maxEventsPerTransaction?: number;
  /** Where a new group starts: the oldest message (default, a read model needs the whole history) or the newest. */
  fromBeginning?: boolean;
  /** Partitions processed at once (default 1); events of one partition are always applied in log order. */
  partitionsConsumedConcurrently?: number;
  /** Ceiling of the exponential backoff after a failure (handler, database or Kafka). */
  maxBackoffMs?: number;
  /** kafkajs client timeouts and retries; tests make them short (the mock broker holds disconnects for a request timeout). */
  kafka?: Pick<KafkaConfig, 'connectionTimeout' | 'requestTimeout' | 'retry' | 'clientId'>;
  group?: Pick<ConsumerConfig, 'sessionTimeout' | 'rebalanceTimeout' | 'heartbeatInterval' | 'maxWaitTimeInMs' | 'retry'>;
  /** Where lag, outcomes and failures are reported (the service's /metrics). */
  metrics?: Registry;
}

/** Counted after each transaction commits, so a retried chunk is not counted twice. */
export interface ConsumerStats {
  /** Events whose effect was applied (first delivery of an id). */
  applied: number;
  /** Deliveries of an id already applied: skipped. */
  duplicates: number;
  /** Messages that are not CloudEvents: logged and skipped, as no retry can fix them. */
  rejected: number;
  /** Failed attempts (handler, database, Kafka) that were retried. */
  failures: number;
}

export interface EventConsumer {
  readonly stats: Readonly<ConsumerStats>;
  /** Resolves once the consumer is in its group (now or after a restart); rejects after `timeoutMs`. */
  joined(timeoutMs?: number): Promise<void>;
  /** Lets the transaction in flight finish, leaves the group and disconnects. */
  stop(): Promise<void>;
}

const INSERT_PROCESSED = `
  INSERT INTO processed_event (source, id, type)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
  ON CONFLICT DO NOTHING
  RETURNING source, id`;

/**
 * Consumes CloudEvents (structured mode) from Kafka and applies each event's effect exactly once per
 * event id: the effect and the (source, id) row commit in one transaction, and offsets are committed
 * only after the transactions they cover (at the end of each fetched batch and at least every second
 * within a long one). A redelivery after a crash or a relay resend finds its row and is skipped.
 */
export function startConsumer(options: ConsumerOptions): EventConsumer {
  const { dataSource, groupId, topics, logger, handle } = options;
  const maxPerTransaction = options.maxEventsPerTransaction ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const log = logger.child({ component: 'event-consumer', groupId });
  const stats: ConsumerStats = { applied: 0, duplicates: 0, rejected: 0, failures: 0 };
  const metrics = consumerMetrics(options.metrics, groupId, topics);
  const kafka = kafkaClient({
    clientId: `${groupId}-consumer`,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 },
    ...options.kafka,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(log),
  });
  const membership = new Membership();
  let consumer: Consumer | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;
  let stopping = false;

  const backoff = (attempt: number) => {
    const ceiling = Math.min(maxBackoffMs, 100 * 2 ** Math.min(attempt, 10));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2)); // jitter: group members do not retry in lockstep
  };

  /** One transaction: records the chunk's new event ids and applies exactly those, in log order. */
  async function applyChunk(topic: string, partition: number, messages: KafkaMessage[]): Promise<void> {
    const parsed = messages.map((message) => ({ message, event: parseOrReject(message, topic, partition) }));
    const firstCopies = new Map<string, (typeof parsed)[number]>();
    for (const item of parsed) if (item.event) firstCopies.set(eventKey(item.event), firstCopies.get(eventKey(item.event)) ?? item);
    const events = [...firstCopies.values()];
    const fresh = await dataSource.transaction((tx) =>
      withinTransaction(async () => {
        const inserted: { source: string; id: string }[] = events.length
          ? await tx.query(INSERT_PROCESSED, [
              events.map((e) => e.event!.source),
              events.map((e) => e.event!.id),
              events.map((e) => e.event!.type),
            ])
          : [];
        const isNew = new Set(inserted.map((row) => `${row.source}\u0000${row.id}`));
        for (const { message, event } of events) {
          if (!isNew.has(eventKey(event!))) continue;
          await processInSpan(topic, partition, message, event!, () =>
            handle(event!, { tx, topic, partition, offset: message.offset, key: message.key?.toString() ?? null }),
          );
        }
        return isNew.size;
      }),
    );
    const valid = parsed.filter((item) => item.event).length;
    stats.applied += fresh;
    stats.duplicates += valid - fresh;
    stats.rejected += parsed.length - valid;
    metrics.consumed(topic, 'applied', fresh);
    metrics.consumed(topic, 'duplicate', valid - fresh);
    metrics.consumed(topic, 'rejected', parsed.length - valid);
  }

  /** Retries a chunk until it commits or the consumer stops: skipping it would lose events, and order matters. */
  async function applyUntilDone(payload: EachBatchPayload, chunk: KafkaMessage[]): Promise<boolean> {
    const { topic, partition } = payload.batch;
    for (let attempt = 0; ; attempt += 1) {
      if (!payload.isRunning() || payload.isStale()) return false;
      try {
        await applyChunk(topic, partition, chunk);
        return true;
      } catch (error) {
        stats.failures += 1;
        metrics.failed(topic);
        const retryInMs = backoff(attempt);
        log.error(
          { err: error, topic, partition, offset: chunk[0]?.offset, attempt, retryInMs },
          'event consumer: applying events failed, will retry',
        );
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
        await payload.heartbeat(); // a rebalance throws here, and the batch is fetched again by the partition's new owner
      }
    }
  }

  async function eachBatch(payload: EachBatchPayload): Promise<void> {
    const { messages, topic, partition, highWatermark } = payload.batch;
    // Lag: messages from the next one to apply up to the partition's end, as this fetch saw it.
    const lagFrom = (offset: string) => metrics.lag(topic, partition, Math.max(0, Number(BigInt(highWatermark) - BigInt(offset))));
    if (messages.length) lagFrom(messages[0].offset);
    for (let from = 0; from < messages.length; from += maxPerTransaction) {
      const chunk = messages.slice(from, from + maxPerTransaction);
      if (!(await applyUntilDone(payload, chunk))) return;
      lagFrom(String(BigInt(chunk[chunk.length - 1].offset) + 1n));
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  function parseOrReject(message: KafkaMessage, topic: string, partition: number): CloudEvent | undefined {
    try {
      return parseCloudEvent(message.value);
    } catch (error) {
      log.error({ err: error, topic, partition, offset: message.offset }, 'event consumer: not a CloudEvent, skipped');
      return undefined;
    }
  }

  async function connect(): Promise<void> {
    const fresh = kafka.consumer({
      groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      ...options.group,
    });
    consumer = fresh;
    fresh.on(fresh.events.GROUP_JOIN, () => {
      restarts = 0;
      membership.join();
      metrics.member(true);
    });
    fresh.on(fresh.events.CRASH, ({ payload }) => {
      membership.leave();
      metrics.member(false);
      // kafkajs restarts itself after retriable errors only; after any other crash (e.g. no broker for a while) we do.
      if (!payload.restart && !stopping) scheduleRestart(payload.error);
    });
    await fresh.connect();
    await fresh.subscribe({ topics, fromBeginning: options.fromBeginning ?? true });
    await fresh.run({
      eachBatch,
      eachBatchAutoResolve: false, // only offsets of committed transactions are resolved
      autoCommitInterval: 1_000,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    });
  }

  function scheduleRestart(error: unknown): void {
    if (stopping) return; // a connect cut short by stop() is not a failure
    restarts += 1;
    const retryInMs = backoff(restarts);
    log.warn({ err: error, restarts, retryInMs }, 'event consumer: stopped by an error, reconnecting');
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => void restart(), retryInMs);
  }

  async function restart(): Promise<void> {
    const old = consumer;
    consumer = undefined;
    await old?.disconnect().catch(() => undefined);
    if (stopping) return;
    try {
      await connect();
    } catch (error) {
      scheduleRestart(error);
    }
  }

  void restart(); // the first connect; a broker that is down at start-up only delays it
  log.info({ topics, brokers: options.brokers }, 'event consumer started');

  let stopped: Promise<void> | undefined;
  return {
    stats,
    joined: (timeoutMs = 30_000) => membership.wait(timeoutMs),
    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearTimeout(restartTimer);
        await consumer?.disconnect().catch((error: unknown) => log.warn({ err: error }, 'event consumer: disconnect failed'));
        membership.leave();
        metrics.member(false);
        log.info(stats, 'event consumer stopped');
      })();
      return stopped;
    },
  };
}

/** The CloudEvents identity of an event: the same source and id is the same event. */
function eventKey(event: CloudEvent): string {
  return `${event.source}\u0000${event.id}`;
}

/** Reads a structured-mode CloudEvent from a message value; throws when required attributes are missing. */
export function parseCloudEvent(value: Buffer | string | null): CloudEvent {
  if (value === null) throw new Error('empty message (a tombstone?)');
  const event = JSON.parse(value.toString()) as Partial<CloudEvent> | null;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new Error('the value is not a JSON object');
  if (event.specversion !== '1.0') throw new Error(`unsupported specversion ${String(event.specversion)}`);
  for (const attribute of ['id', 'source', 'type'] as const) {
    if (typeof event[attribute] !== 'string' || event[attribute] === '') throw new Error(`attribute ${attribute} is missing`);
  }
  if (event.data !== undefined && (typeof event.data !== 'object' || event.data === null)) throw new Error('data is not a JSON object');
  return event as CloudEvent;
}

/** The domain event type (`participation.hours-credited`) of a CloudEvent type (`cn.cpb.participation.hours-credited`). */
export function domainEventType(event: Pick<CloudEvent, 'type'>): string {
  return event.type.startsWith('cn.cpb.') ? event.type.slice('cn.cpb.'.length) : event.type;
}

/** Whether the consumer is in its group, with waiters for the moment it is. */
class Membership {
  private member = false;
  private readonly waiters = new Set<() => void>();

  join(): void {
    this.member = true;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  leave(): void {
    this.member = false;
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.member) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        reject(new Error(`event consumer: not in its group after ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.add(done);
    });
  }
}

/** kafkajs's errors mean a crash or a restart, worth a line; the rest repeats what the consumer logs itself. */
function kafkaLogCreator(log: Logger) {
  return () =>
    ({ namespace, level, log: { message, ...extra } }: LogEntry) => {
      const fields = { kafkajs: namespace, ...extra };
      if (level === logLevel.ERROR) log.warn(fields, message);
      else log.debug(fields, message);
    };
}
