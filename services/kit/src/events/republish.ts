import { randomUUID } from 'node:crypto';
import { Partitioners, logLevel, type KafkaConfig } from 'kafkajs';
import { kafkaClient } from './kafka-client';
import type { DataSource } from 'typeorm';
import { eventTopic, toCloudEvent, toKafkaMessage, type CloudEvent, type OutboxRow } from './envelope';
import { scrubEventData } from './scrub-event';

export interface RepublishOptions {
  /** The service's own database: its outbox holds the archive of published events. */
  dataSource: Pick<DataSource, 'query'>;
  /** Names the CloudEvents source (`/cpb/<service>`), exactly as the relay did. */
  service: string;
  brokers: string[];
  /** Where the replay goes; never the service's live topic (ops create it as they create the others). */
  topic: string;
  /** Only events that happened at or after / before these instants. */
  since?: Date;
  until?: Date;
  /** Only these event types (all when absent). */
  types?: string[];
  batchSize?: number;
  kafka?: Pick<KafkaConfig, 'connectionTimeout' | 'requestTimeout' | 'retry'>;
}

export interface RepublishResult {
  /** The `replayid` every republished event carries. */
  replayId: string;
  topic: string;
  events: number;
}

const SELECT_ARCHIVED = `
  SELECT seq, id, aggregate_type, aggregate_id, type, payload, occurred_at FROM outbox
  WHERE published_at IS NOT NULL AND seq > $1
    AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)
    AND ($4::text[] IS NULL OR type = ANY($4))
  ORDER BY seq LIMIT $5`;

/** The event as first published, marked as replayed (CloudEvents extension attributes); same id, so consumers dedupe it. */
export function markReplayed(event: CloudEvent, replayId: string, replayedAt: Date): CloudEvent {
  return { ...event, replayid: replayId, replayedat: replayedAt.toISOString() };
}

/**
 * Republishes a service's archived (published) outbox events to `topic`, in outbox order, keyed by
 * aggregate id as the relay keyed them, one request at a time: each aggregate's events reach their
 * partition in the order they happened. Kafka stamps the records with the republish time, so the
 * topic's retention counts from the replay, while the events keep their original `time`.
 */
export async function republishOutbox(options: RepublishOptions): Promise<RepublishResult> {
  if (options.topic === eventTopic(options.service)) {
    throw new Error(
      `refusing to republish into the live topic ${options.topic}: every consumer would read the history again; choose a replay topic`,
    );
  }
  const batchSize = options.batchSize ?? 500;
  const replayId = randomUUID();
  const replayedAt = new Date();
  const kafka = kafkaClient({
    clientId: `${options.service}-republish`,
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
    ...options.kafka,
  });
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  let events = 0;
  try {
    for (let last = '0'; ;) {
      const rows: OutboxRow[] = await options.dataSource.query(SELECT_ARCHIVED, [
        last,
        options.since ?? null,
        options.until ?? null,
        options.types ?? null,
        batchSize,
      ]);
      if (rows.length === 0) break;
      // Archived rows may predate the scrubbing at the outbox: scrub them on the way out (the names were never stored).
      const messages = rows.map((row) =>
        toKafkaMessage(
          markReplayed(toCloudEvent({ ...row, payload: scrubEventData(row.type, row.payload) }, options.service), replayId, replayedAt),
        ),
      );
      await producer.send({ topic: options.topic, acks: -1, messages });
      events += rows.length;
      last = rows[rows.length - 1].seq;
    }
  } finally {
    await producer.disconnect();
  }
  return { replayId, topic: options.topic, events };
}
