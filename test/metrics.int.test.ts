/**
 * /metrics after known traffic through the gateway (issue 14): requests by registered operation
 * (anything else is `other`), errors by code, per-subgraph fetches, query-plan cache hits, the
 * subgraphs' own request, pool, outbox, relay and consumer metrics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventTopic, graphql, mintCallerToken } from '@cpb/kit';
import { metricValue, scrape, startKafkaBroker, type KafkaBroker } from '@cpb/kit/testing';
import { subgraphs } from '@cpb/subgraphs';
import { activityInput, createActivityMutation } from '../services/activities/test/fixtures';
import { loadNeighbourhood, type Neighbourhood } from '@cpb/demo-world/testing';
import { type Federation, startFederation } from '@cpb/kit/testing';

const communityOverview = readFileSync(join(__dirname, '..', 'schemas', 'operations', 'benchmark', 'community-overview.graphql'), 'utf8');
let broker: KafkaBroker;
let federation: Federation;
let place: Neighbourhood;
let gatewayBase: string;
const base = (url: string) => url.replace(/\/graphql$/, '');

beforeAll(async () => {
  broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: s.topic, partitions: 3 })) });
  federation = await startFederation({ env: { KAFKA_BROKERS: broker.brokers.join(',') } });
  place = await loadNeighbourhood(federation);
  gatewayBase = base(federation.gatewayUrl);
});

afterAll(async () => {
  await federation?.stop();
  await broker?.stop();
});

/** How much each named sample moved while `work` ran. */
async function moved(
  url: string,
  samples: Record<string, [string, Record<string, string>]>,
  work: () => Promise<unknown>,
): Promise<Record<string, number>> {
  const before = await scrape(url);
  await work();
  const after = await scrape(url);
  return Object.fromEntries(
    Object.entries(samples).map(([key, [name, labels]]) => [key, metricValue(after, name, labels) - metricValue(before, name, labels)]),
  );
}

it('counts gateway requests by registered operation, everything else as other, errors by code, subgraph fetches and plan cache hits', async () => {
  const delta = await moved(
    gatewayBase,
    {
      overview: ['graphql_request_duration_seconds_count', { operation: 'CommunityOverview' }],
      other: ['graphql_request_duration_seconds_count', { operation: 'other' }],
      notFound: ['graphql_errors_total', { code: 'NOT_FOUND' }],
      unauthenticated: ['graphql_errors_total', { code: 'UNAUTHENTICATED' }],
      invalid: ['graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }],
      fetchesOrganizations: ['gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'organizations' }],
      fetchesActivities: ['gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'activities' }],
      fetchErrors: ['gateway_subgraph_fetch_errors_total', {}],
      planMisses: ['gateway_query_plan_cache_requests_total', { result: 'miss' }],
      planHits: ['gateway_query_plan_cache_requests_total', { result: 'hit' }],
    },
    async () => {
      for (let i = 0; i < 2; i += 1) {
        const answer = await federation.query(communityOverview, { id: place.communityId });
        expect(answer.errors).toBeUndefined();
      }
      // A name no registry knows: counted, but never as a label of its own.
      expect(
        (await federation.query('query MadeUpByAClient { communities(first: 1) { edges { node { name } } } }')).errors,
      ).toBeUndefined();
      const unknownParent = { name: 'x', kind: 'BRANCH', scope: 'COMMUNITY', parentId: '00000000-0000-4000-8000-000000000000' };
      expect(
        (
          await federation.query('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
            input: unknownParent,
          })
        ).errors?.[0].extensions?.code,
      ).toBe('NOT_FOUND');
      expect(
        (
          await graphql(
            federation.gatewayUrl,
            '{ communities(first: 1) { edges { node { name } } } }',
            {},
            { authorization: 'Bearer not-a-token' },
          )
        ).errors?.[0].extensions?.code,
      ).toBe('UNAUTHENTICATED');
      expect((await federation.query('{ noSuchField }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    },
  );
  expect(delta).toMatchObject({ overview: 2, other: 3, notFound: 1, unauthenticated: 1, invalid: 1, fetchErrors: 0 });
  expect(delta.fetchesOrganizations).toBeGreaterThanOrEqual(3);
  expect(delta.fetchesActivities).toBe(2);
  // The second CommunityOverview reuses the first one's plan.
  expect(delta.planHits).toBeGreaterThanOrEqual(1);
  expect(delta.planMisses).toBeGreaterThanOrEqual(1);
  expect(await scrape(gatewayBase)).not.toContain('MadeUpByAClient');
  expect(metricValue(await scrape(gatewayBase), 'service_ready')).toBe(1);
});

it('reports each subgraph its requests by the operation they serve, statements, pool use and readiness', async () => {
  const activities = base(federation.subgraphs.activities.url);
  const delta = await moved(
    activities,
    { overview: ['graphql_request_duration_seconds_count', { operation: 'CommunityOverview' }], statements: ['db_statements_total', {}] },
    () => federation.query(communityOverview, { id: place.communityId }),
  );
  expect(delta.overview).toBe(1);
  expect(delta.statements).toBeGreaterThanOrEqual(1);
  const text = await scrape(activities);
  expect(metricValue(text, 'db_pool_max_connections')).toBe(20);
  expect(
    metricValue(text, 'db_pool_connections', { state: 'idle' }) + metricValue(text, 'db_pool_connections', { state: 'in_use' }),
  ).toBeGreaterThanOrEqual(1);
  expect(metricValue(text, 'db_pool_waiting_requests')).toBe(0);
  expect(metricValue(text, 'service_ready', { service: 'activities' })).toBe(1);
});

it('reports a mutation’s event through the outbox, the relay and the resources service’s consumer', async () => {
  const activities = base(federation.subgraphs.activities.url);
  const resources = base(federation.subgraphs.resources.url);
  const topic = eventTopic('activities');
  const [relayBefore, consumerBefore] = await Promise.all([scrape(activities), scrape(resources)]);
  const created = await federation.query<{ createActivity: { id: string } }>(createActivityMutation, { input: activityInput(place) });
  const secretary = await mintCallerToken({ role: 'COMMUNITY_SECRETARY', sub: 'metrics-secretary', orgId: place.organizationId });
  await federation.query(
    'mutation($id: ID!) { publishActivity(id: $id) { status } }',
    { id: created.data!.createActivity.id },
    { authorization: `Bearer ${secretary}` },
  );
  await federation.subgraphs.activities.running.relay!.flush();

  const applied = (text: string) => metricValue(text, 'kafka_consumer_events_total', { topic, outcome: 'applied' });
  const deadline = Date.now() + 20_000;
  let consumerAfter = await scrape(resources);
  while (applied(consumerAfter) <= applied(consumerBefore) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    consumerAfter = await scrape(resources);
  }
  const relayAfter = await scrape(activities);
  const published = (text: string) => metricValue(text, 'outbox_relay_published_events_total', { topic });
  expect(published(relayAfter) - published(relayBefore)).toBeGreaterThanOrEqual(1);
  expect(metricValue(relayAfter, 'outbox_relay_leader', { topic })).toBe(1);
  expect(metricValue(relayAfter, 'outbox_unpublished_events')).toBe(0);
  expect(metricValue(relayAfter, 'outbox_oldest_unpublished_age_seconds')).toBe(0);
  expect(applied(consumerAfter) - applied(consumerBefore)).toBeGreaterThanOrEqual(1);
  expect(metricValue(consumerAfter, 'kafka_consumer_group_member')).toBe(1);
  expect(metricValue(consumerAfter, 'kafka_consumer_failures_total')).toBe(0);
});
