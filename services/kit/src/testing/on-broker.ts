import { subgraphs } from '@cpb/subgraphs';
import { eventTopic, type CloudEvent } from '../events';
import { startFederation, type Federation } from './federation';
import { startKafkaBroker, startTopicReader, type KafkaBroker, type TopicReader } from './kafka-broker';

/** The federation with its relays on the mock Kafka broker, and what reached it. */
export interface OnBroker {
  federation: Federation;
  broker: KafkaBroker;
  /** A reader of the service's topic, from the beginning. */
  reader: TopicReader;
  stop(): Promise<void>;
}

/** The four services (relays on) behind the gateway, a mock Kafka broker, and a reader of `service`'s topic. */
export async function startOnBroker(service: string): Promise<OnBroker> {
  const broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: s.topic, partitions: 3 })) });
  const federation = await startFederation({ env: { KAFKA_BROKERS: broker.brokers.join(',') } });
  const reader = await startTopicReader(broker.brokers, eventTopic(service));
  return {
    federation,
    broker,
    reader,
    async stop() {
      await reader.stop();
      await federation.stop();
      await broker.stop();
    },
  };
}

/** The events of `type` about `subject` (the aggregate id) that reached the broker, once `count` have (or fails after the timeout). */
export async function onBroker(reader: TopicReader, type: string, subject: string, count = 1, timeoutMs = 30_000): Promise<CloudEvent[]> {
  const matching = () =>
    reader.messages.map((m) => JSON.parse(m.value) as CloudEvent).filter((e) => e.type === `cn.cpb.${type}` && e.subject === subject);
  await reader.waitFor(() => matching().length >= count, timeoutMs);
  return matching();
}

/** The outbox rows of one service of `type`, oldest first. */
export async function outboxRows(
  federation: Federation,
  service: string,
  type: string,
): Promise<{ aggregate_id: string; payload: Record<string, unknown> }[]> {
  return federation.subgraphs[service].running.database.dataSource.query(
    'SELECT aggregate_id, payload FROM outbox WHERE type = $1 ORDER BY seq',
    [type],
  );
}
