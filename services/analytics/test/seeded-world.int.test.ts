import { createTestDatabase, daysAgo, startOnBroker, type OnBroker, type TestDatabase } from '@cpb/kit/testing';
import type { DistrictSummary } from '../src/reports';
import { startAnalytics, type RunningAnalytics } from '../src/service';

/**
 * Issue 18: the demo seed writes the history its rows stand for through each service's outbox, so the
 * reference consumer, started on an empty database against the topics from the beginning, arrives at
 * the graph's figures: members living in each community and hours served in each, on the mock broker.
 */
jest.setTimeout(300_000);

const SERVICES = ['organizations', 'members', 'resources', 'activities'];
const tuning = {
  maxBackoffMs: 300,
  kafka: { connectionTimeout: 1_000, requestTimeout: 2_000, retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 500 } },
  group: { sessionTimeout: 6_000, rebalanceTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 50 },
};

let stack: OnBroker;
let analyticsDb: TestDatabase;
let analytics: RunningAnalytics | undefined;

/** Every event the seed wrote, once each service's relay has published them all. */
async function seedEventsPublished(): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    let total = 0;
    let waiting = 0;
    for (const service of SERVICES) {
      const [row]: { total: number; waiting: number }[] = await stack.federation.subgraphs[service].running.database.dataSource.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS waiting FROM outbox`,
      );
      total += row.total;
      waiting += row.waiting;
    }
    if (waiting === 0) return total;
    if (Date.now() > deadline) throw new Error(`${waiting} of ${total} seeded events still in the outboxes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  stack = await startOnBroker('activities');
  analyticsDb = await createTestDatabase('seeded_analytics');
});

afterAll(async () => {
  await analytics?.stop();
  await stack?.stop();
  await analyticsDb?.drop();
});

it('rebuilds members and hours per community from the topics alone, equal to the graph', async () => {
  const events = await seedEventsPublished();
  analytics = await startAnalytics(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: analyticsDb.url,
      KAFKA_BROKERS: stack.broker.brokers.join(','),
      KAFKA_GROUP_ID: 'seeded-world-test',
    },
    tuning,
  );
  await analytics.consumer.joined(30_000);
  const deadline = Date.now() + 120_000;
  while (analytics.consumer.stats.applied < events) {
    if (Date.now() > deadline) throw new Error(`applied ${analytics.consumer.stats.applied} of ${events} events`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const summary = (await (await fetch(`${analytics.url}/read-model/summary`)).json()) as DistrictSummary;

  // Every hour the seed credited lies in the past year (activities are laid around today).
  const graph = await stack.federation.query<{
    streets: { communities: { id: string; name: string; census: { members: number }; volunteerStats: { hours: number } }[] }[];
  }>(
    `query ($from: String!, $to: String!) { streets { communities { id name census { members } volunteerStats(from: $from, to: $to) { hours } } } }`,
    { from: daysAgo(400), to: daysAgo(0) },
  );
  expect(graph.errors).toBeUndefined();
  const expected = graph.data!.streets.flatMap((s) => s.communities).map((c) => [c.id, c.name, c.census.members, c.volunteerStats.hours]);
  const rebuilt = summary.communities.map((c) => [c.communityId, c.name, c.members, c.volunteerHours]);
  expect(rebuilt.sort()).toEqual(expected.sort());
  // Not an agreement of empties: the demo district's 600 members and their hours.
  expect(summary.totals.members).toBe(600);
  expect(summary.totals.volunteerHours).toBeGreaterThan(100);
  expect(summary.asOf.skipped).toEqual({ unknownTypes: 0, unknownProperties: 0, missingFields: 0 });
});
