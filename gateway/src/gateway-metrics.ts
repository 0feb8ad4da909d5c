import type { Fetcher } from '@apollo/utils.fetcher';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { QueryPlan } from '@apollo/query-planner';
import { injectTraceContext, sharedCounter, sharedHistogram, type Metrics } from '@cpb/kit/core';

/** The gateway's own metrics, beside the kit's request and error metrics every process has. */
export function gatewayMetrics(metrics: Metrics) {
  const { registry } = metrics;
  return {
    fetchSeconds: sharedHistogram(registry, {
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Subgraph fetches of query plans and how long each took, by subgraph',
      labelNames: ['subgraph'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    }),
    fetchErrors: sharedCounter(registry, {
      name: 'gateway_subgraph_fetch_errors_total',
      help: 'Subgraph fetches that failed, by subgraph and reason: timeout (SUBGRAPH_TIMEOUT_MS), network (refused, reset), http_status (a non-2xx answer)',
      labelNames: ['subgraph', 'reason'],
    }),
    fetchesShared: sharedCounter(registry, {
      name: 'gateway_subgraph_fetches_shared_total',
      help: 'Subgraph query fetches answered by an identical fetch already in flight (same body, caller identity and language), by subgraph: no request of their own',
      labelNames: ['subgraph'],
    }),
    planCache: sharedCounter(registry, {
      name: 'gateway_query_plan_cache_requests_total',
      help: 'Query-plan cache lookups by result: hit (plan reused) or miss (planned afresh)',
      labelNames: ['result'],
    }),
    cacheRequests: sharedCounter(registry, {
      name: 'gateway_response_cache_requests_total',
      help: 'Queries seen by the response cache by result: hit (answered from the cache), miss (asked the subgraphs), bypass (cache not usable: events not watched or the store failing)',
      labelNames: ['result'],
    }),
    cacheEvictions: sharedCounter(registry, {
      name: 'gateway_response_cache_evictions_total',
      help: 'Event batches this gateway read first that made cached answers stale, by the subgraph whose topic they came on',
      labelNames: ['subgraph'],
    }),
  };
}
export type GatewayMetrics = ReturnType<typeof gatewayMetrics>;

/**
 * A subgraph fetch that carries the trace context of the gateway's fetch span (so the subgraph's
 * server span continues the trace) and reports its latency and failures.
 */
export function observedFetcher(subgraph: string, fetcher: Fetcher, metrics: GatewayMetrics): Fetcher {
  for (const reason of ['timeout', 'network', 'http_status']) metrics.fetchErrors.inc({ subgraph, reason }, 0);
  // Bound to the subgraph once: prom-client hashes a labels object on every call otherwise.
  const fetchSeconds = metrics.fetchSeconds.labels({ subgraph });
  return async (url, init) => {
    const headers = { ...((init?.headers ?? {}) as Record<string, string>) };
    injectTraceContext(headers);
    const stop = fetchSeconds.startTimer();
    try {
      const response = await fetcher(url, { ...init, headers });
      if (!response.ok) metrics.fetchErrors.inc({ subgraph, reason: 'http_status' });
      return response;
    } catch (error) {
      metrics.fetchErrors.inc({ subgraph, reason: /did not answer within/.test((error as Error).message) ? 'timeout' : 'network' });
      throw error;
    } finally {
      stop();
    }
  };
}

/**
 * The query-plan cache @apollo/gateway would build itself (an LRU of about `mib` MiB of plans, sized as
 * their JSON), counting hits and misses: a low hit ratio means clients send literals instead of variables.
 */
export class CountedPlanCache extends InMemoryLRUCache<QueryPlan> {
  private readonly hits: { inc(value?: number): void };
  private readonly misses: { inc(value?: number): void };

  constructor(mib: number, metrics: GatewayMetrics) {
    super({ maxSize: 2 ** 20 * mib, sizeCalculation: (plan: QueryPlan) => Buffer.byteLength(JSON.stringify(plan), 'utf8') });
    this.hits = metrics.planCache.labels({ result: 'hit' });
    this.misses = metrics.planCache.labels({ result: 'miss' });
    this.hits.inc(0);
    this.misses.inc(0);
  }

  override async get(key: string): Promise<QueryPlan | undefined> {
    const plan = await super.get(key);
    (plan ? this.hits : this.misses).inc();
    return plan;
  }
}
