import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Consumer } from 'kafkajs';
import type { Logger } from '@cpb/kit/core';
import type { AnswerStore } from './store';

export interface Evictor {
  /** True while the consumer is in its group and reading: only then are answers served or kept. */
  live(): boolean;
  /** Resolves once it first joins (start-up waits, so no answer is kept before events are watched). */
  joined(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface EvictorOptions {
  brokers: string[];
  /** Subgraph name to the topic its outbox relay publishes to (@cpb/subgraphs). */
  topics: Record<string, string>;
  store: AnswerStore;
  logger: Logger;
  /** Called per batch that bumped a generation (another replica may have bumped first), for the metrics. */
  onEvicted?: (subgraphs: string[]) => void;
}

/**
 * Watches the four services' event topics and bumps the generation of the subgraph whose topic an
 * event arrived on (once per event across replicas sharing a store): every cached answer that read
 * that subgraph is stale from then on. Each gateway
 * process reads in a group of its own from the newest offset (every replica must see every event,
 * and none needs the past); it never commits offsets. Whenever it (re)joins it bumps every subgraph,
 * since events published while it was away were not seen, and answers are not used while it is out.
 */
export async function startEvictor(options: EvictorOptions): Promise<Evictor> {
  const [{ logLevel }, { kafkaClient }] = await Promise.all([import('kafkajs'), import('@cpb/kit/kafka')]);
  const log = options.logger.child({ component: 'response-cache-evictor' });
  const subgraphOfTopic = new Map(Object.entries(options.topics).map(([subgraph, topic]) => [topic, subgraph]));
  // The kit's client: kafkajs's own would spin its idle connections' request queues every millisecond.
  const kafka = kafkaClient({
    clientId: 'gateway-response-cache',
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 3_000 },
    logLevel: logLevel.NOTHING,
  });
  const consumer: Consumer = kafka.consumer({
    groupId: `gateway-response-cache-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
    sessionTimeout: 10_000,
    rebalanceTimeout: 5_000,
    heartbeatInterval: 1_000,
    // An event must reach the cache within a second: a fetch waits at most this long for new records.
    maxWaitTimeInMs: 50,
    allowAutoTopicCreation: false,
  });
  let member = false;
  let wake: (() => void) | undefined;
  const everyone = [...subgraphOfTopic.values()];
  consumer.on(consumer.events.GROUP_JOIN, () => {
    // Whatever happened while this process was not reading is unknown: forget every answer first.
    void options.store.bump(everyone).then(
      () => {
        member = true;
        wake?.();
        log.info('watching events for the response cache');
      },
      (error: unknown) => log.error({ err: error }, 'response cache: could not forget answers on joining; answers stay unused'),
    );
  });
  for (const left of [consumer.events.CRASH, consumer.events.DISCONNECT, consumer.events.STOP]) {
    consumer.on(left, () => {
      if (member) log.warn('response cache: stopped watching events; answering uncached until it is back');
      member = false;
    });
  }
  await consumer.connect();
  await consumer.subscribe({ topics: [...subgraphOfTopic.keys()], fromBeginning: false });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: true,
    eachBatch: async ({ batch }) => {
      const subgraph = subgraphOfTopic.get(batch.topic);
      if (!subgraph || batch.messages.length === 0) return;
      // A failed bump throws: kafkajs retries the batch, and answers are not trusted meanwhile.
      let bumped: boolean;
      try {
        bumped = await options.store.advance(subgraph, batch.partition, batch.lastOffset());
      } catch (error) {
        member = false;
        throw error;
      }
      member = true;
      if (bumped) options.onEvicted?.([subgraph]);
    },
  });
  return {
    live: () => member,
    joined: (timeoutMs) =>
      member
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`response cache: not reading events after ${timeoutMs} ms`)), timeoutMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          }),
    async stop() {
      member = false;
      await consumer.disconnect().catch((error: unknown) => log.warn({ err: error }, 'response cache: evictor disconnect failed'));
    },
  };
}
