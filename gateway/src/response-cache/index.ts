import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger, RequestInfo } from '@cpb/kit/core';
import { subgraphs } from '@cpb/subgraphs';
import type { GatewayConfig } from '../config';
import type { GatewayMetrics } from '../gateway-metrics';
import { startEvictor } from './evictor';
import { answerCachePlugin } from './plugin';
import { RedisAnswerStore } from './redis-store';
import { MemoryAnswerStore, type AnswerStore } from './store';

export { noteSubgraphRead } from './subgraphs-read';
export { CACHE_HEADER } from './plugin';

export interface ResponseCache {
  plugins: ApolloServerPlugin<RequestInfo>[];
  stop(): Promise<void>;
}

/** How long start-up waits for the evictor to join before the gateway serves (uncached until it does). */
const JOIN_WAIT_MS = 15_000;

/**
 * The response cache as configured: off (RESPONSE_CACHE_ENTRIES=0, the default), in this process, or
 * in Redis shared by the replicas (REDIS_URL); on, it needs KAFKA_BROKERS, since answers are evicted
 * by the services' events (docs/decisions/0019-response-cache-evicted-by-events.md).
 */
export async function startResponseCache(config: GatewayConfig, logger: Logger, metrics: GatewayMetrics): Promise<ResponseCache> {
  if (config.RESPONSE_CACHE_ENTRIES === 0) return { plugins: [], stop: async () => undefined };
  if (!config.KAFKA_BROKERS)
    throw new Error("RESPONSE_CACHE_ENTRIES > 0 needs KAFKA_BROKERS: cached answers are evicted by the services' events");
  const names = subgraphs.map((s) => s.name);
  const redis = config.REDIS_URL ? new RedisAnswerStore(config.REDIS_URL, config.REDIS_KEY_PREFIX, names) : undefined;
  const store: AnswerStore = redis ?? new MemoryAnswerStore(config.RESPONSE_CACHE_ENTRIES);
  await redis?.ready();
  const evictor = await startEvictor({
    brokers: config.KAFKA_BROKERS,
    topics: Object.fromEntries(subgraphs.map((s) => [s.name, s.topic])),
    store,
    logger,
    onEvicted: (bumped) => bumped.forEach((subgraph) => metrics.cacheEvictions.inc({ subgraph })),
  });
  await evictor
    .joined(JOIN_WAIT_MS)
    .catch((error: unknown) => logger.warn({ err: error }, 'response cache: answering uncached until events are watched'));
  logger.info({ store: redis ? 'redis' : 'memory' }, 'response cache on');
  let failures = 0;
  const plugin = answerCachePlugin<RequestInfo>({
    store,
    subgraphs: names,
    live: evictor.live,
    count: (outcome) => metrics.cacheRequests.inc({ result: outcome }),
    onError: (error) => {
      // One line per hundred failures: a Redis outage must not flood the log.
      if (failures++ % 100 === 0) logger.warn({ err: error, failures }, 'response cache: the store failed; answering uncached');
    },
  });
  return {
    plugins: [plugin],
    async stop() {
      await evictor.stop();
      await store.close();
    },
  };
}
