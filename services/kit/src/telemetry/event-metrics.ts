import type { Registry } from 'prom-client';
import { sharedCounter, sharedGauge, sharedHistogram } from './registry';

/** What the outbox relay reports; without a registry it reports nothing. */
export interface RelayMetrics {
  leading(isLeader: boolean): void;
  published(events: number, seconds: number): void;
  failed(): void;
}

export function relayMetrics(registry: Registry | undefined, topic: string): RelayMetrics {
  if (!registry) return { leading: () => undefined, published: () => undefined, failed: () => undefined };
  const leader = sharedGauge(registry, {
    name: 'outbox_relay_leader',
    help: '1 while this process holds the relay lock and publishes the outbox, 0 while another replica does',
    labelNames: ['topic'],
  });
  const published = sharedCounter(registry, {
    name: 'outbox_relay_published_events_total',
    help: 'Outbox events published to Kafka (acknowledged by the broker)',
    labelNames: ['topic'],
  });
  const failures = sharedCounter(registry, {
    name: 'outbox_relay_publish_failures_total',
    help: 'Relay attempts that failed (broker or database) and will be retried',
    labelNames: ['topic'],
  });
  const duration = sharedHistogram(registry, {
    name: 'outbox_relay_publish_duration_seconds',
    help: 'Time from sending a batch of outbox events to the broker acknowledging it',
    labelNames: ['topic'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  });
  leader.set({ topic }, 0);
  published.inc({ topic }, 0);
  failures.inc({ topic }, 0);
  return {
    leading: (isLeader) => leader.set({ topic }, isLeader ? 1 : 0),
    published(events, seconds) {
      published.inc({ topic }, events);
      duration.observe({ topic }, seconds);
    },
    failed: () => failures.inc({ topic }),
  };
}

export type ConsumedOutcome = 'applied' | 'duplicate' | 'rejected';

/** What an event consumer reports, per consumer group; without a registry it reports nothing. */
export interface ConsumerMetrics {
  consumed(topic: string, outcome: ConsumedOutcome, count: number): void;
  failed(topic: string): void;
  /** Messages in the partition after the last one applied (high watermark minus next offset). */
  lag(topic: string, partition: number, messages: number): void;
  member(joined: boolean): void;
}

export function consumerMetrics(registry: Registry | undefined, group: string, topics: string[]): ConsumerMetrics {
  if (!registry) return { consumed: () => undefined, failed: () => undefined, lag: () => undefined, member: () => undefined };
  const consumed = sharedCounter(registry, {
    name: 'kafka_consumer_events_total',
    help: 'Events a consumer group took from Kafka, by outcome: applied (first delivery), duplicate (a redelivered id, skipped), rejected (not a CloudEvent, skipped)',
    labelNames: ['group', 'topic', 'outcome'],
  });
  const failures = sharedCounter(registry, {
    name: 'kafka_consumer_failures_total',
    help: 'Failed attempts to apply a chunk of events (handler, database or Kafka); the chunk is retried',
    labelNames: ['group', 'topic'],
  });
  const lag = sharedGauge(registry, {
    name: 'kafka_consumer_lag',
    help: 'Messages in a partition not yet applied by the consumer group',
    labelNames: ['group', 'topic', 'partition'],
  });
  const member = sharedGauge(registry, {
    name: 'kafka_consumer_group_member',
    help: '1 while the consumer is in its group (0 while it reconnects after an error)',
    labelNames: ['group'],
  });
  for (const topic of topics) {
    for (const outcome of ['applied', 'duplicate', 'rejected'] as const) consumed.inc({ group, topic, outcome }, 0);
    failures.inc({ group, topic }, 0);
  }
  member.set({ group }, 0);
  return {
    consumed: (topic, outcome, count) => consumed.inc({ group, topic, outcome }, count),
    failed: (topic) => failures.inc({ group, topic }),
    lag: (topic, partition, messages) => lag.set({ group, topic, partition: String(partition) }, messages),
    member: (joined) => member.set({ group }, joined ? 1 : 0),
  };
}
