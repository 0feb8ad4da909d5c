import { randomBytes } from 'node:crypto';
import { dropDatabase, eventTopic } from '@cpb/kit';
import { TEST_SERVER_URL, startKafkaBroker, type KafkaBroker } from '@cpb/kit/testing';
import { serviceDatabaseUrl, startStack, type Stack } from '../scripts/lib/stack';
import { subgraphs } from '../scripts/subgraphs';

export interface StackOnBroker {
  broker: KafkaBroker;
  stack: Stack;
  /** Where the stack's databases live on the test server: `${prefix}<service>`. */
  prefix: string;
  /** Stops the processes and the broker, and drops the services' databases (and `alsoDrop`'s). */
  stop(alsoDrop?: string[]): Promise<void>;
}

/**
 * The whole system as real processes on fresh databases, publishing to a mock broker that holds every
 * service's topic: the setting of the end-to-end event tests. `seedDemo: false` leaves the topics
 * holding only what a test causes.
 */
export async function startStackOnBroker(name: string, options: { seedDemo?: boolean } = {}): Promise<StackOnBroker> {
  const prefix = `t_${name}_${randomBytes(3).toString('hex')}_`;
  const broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: eventTopic(s.name), partitions: 3 })) });
  const stack = await startStack({
    serverUrl: TEST_SERVER_URL,
    databasePrefix: prefix,
    ports: 'free',
    ...(options.seedDemo === undefined ? {} : { seedDemo: options.seedDemo }),
    env: { KAFKA_BROKERS: broker.brokers.join(','), LOG_LEVEL: 'warn', APOLLO_TELEMETRY_DISABLED: '1' },
  }).catch(async (error: unknown) => {
    await broker.stop();
    throw error;
  });
  return {
    broker,
    stack,
    prefix,
    async stop(alsoDrop = []) {
      await stack.stop();
      await broker.stop();
      await Promise.all(
        [...subgraphs.map((s) => s.name), ...alsoDrop].map((db) => dropDatabase(serviceDatabaseUrl(TEST_SERVER_URL, `${prefix}${db}`))),
      );
    },
  };
}
