import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { createMetrics } from '@cpb/kit';
import { metricValue } from '@cpb/kit/testing';
import { CountedPlanCache, gatewayMetrics, observedFetcher } from '../src/gateway-metrics';

const answer = (status: number) => ({ ok: status < 300, status }) as FetcherResponse;

it('counts each subgraph fetch, and its failures by reason: timeout, network, http_status', async () => {
  const metrics = createMetrics('gateway', false);
  const observed = gatewayMetrics(metrics);
  const outcomes: (() => Promise<FetcherResponse>)[] = [
    async () => answer(200),
    async () => answer(502),
    async () => Promise.reject(new Error('127.0.0.1:4001 did not answer within 100 ms')),
    async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
  ];
  const fetcher = observedFetcher('members', (() => outcomes.shift()!()) as Fetcher, observed);
  for (let i = 0; i < 4; i += 1) await fetcher('http://members/graphql', { method: 'POST', headers: {} }).catch(() => undefined);
  const text = await metrics.registry.metrics();
  expect(metricValue(text, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'members' })).toBe(4);
  expect(metricValue(text, 'gateway_subgraph_fetch_errors_total', { subgraph: 'members', reason: 'http_status' })).toBe(1);
  expect(metricValue(text, 'gateway_subgraph_fetch_errors_total', { subgraph: 'members', reason: 'timeout' })).toBe(1);
  expect(metricValue(text, 'gateway_subgraph_fetch_errors_total', { subgraph: 'members', reason: 'network' })).toBe(1);
});

it('counts plan cache misses and hits, and empties like the cache @apollo/gateway builds', async () => {
  const metrics = createMetrics('gateway', false);
  const cache = new CountedPlanCache(1, gatewayMetrics(metrics));
  expect(await cache.get('plan')).toBeUndefined();
  await cache.set('plan', { kind: 'QueryPlan', node: undefined });
  expect(await cache.get('plan')).toEqual({ kind: 'QueryPlan', node: undefined });
  cache.clear();
  expect(await cache.get('plan')).toBeUndefined();
  const text = await metrics.registry.metrics();
  expect(metricValue(text, 'gateway_query_plan_cache_requests_total', { result: 'miss' })).toBe(2);
  expect(metricValue(text, 'gateway_query_plan_cache_requests_total', { result: 'hit' })).toBe(1);
});
