/**
 * Times the volunteering statistics on a scale-seeded district, through the activities subgraph over HTTP.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run seed -- --scale 300000 --reset --prefix bench_
 *   BENCH_SERVER=postgres://postgres@127.0.0.1:5432 npx tsx services/activities/bench/volunteer-stats.ts
 */
import { Client } from 'pg';
import { graphql, INTERNAL_IDENTITY_HEADER, secretOf, serviceActor, signInternal, startSubgraph } from '@cpb/kit';
import { activities } from '../src/server';

const server = process.env.BENCH_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const prefix = process.env.BENCH_PREFIX ?? 'bench_';
const RUNS = 30;
const DAY = 86_400_000;
const chinaDate = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const year = { from: chinaDate(Date.now() - 365 * DAY), to: chinaDate(Date.now()) };
const STATS = 'hours participations volunteers activitiesHeld topVolunteers(first: 10) { hours participations member { id } }';

async function sql<T>(database: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: `${server}/${database}` });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Median and 95th percentile of RUNS timed calls, after one warm-up. */
async function time(label: string, call: () => Promise<unknown>): Promise<void> {
  await call();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await call();
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(RUNS / 2)].toFixed(1)} ms, p95 ${ms[Math.floor(RUNS * 0.95)].toFixed(1)} ms`);
}

async function main(): Promise<void> {
  const running = await startSubgraph(activities, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `${server}/${prefix}activities`,
    SEED_DEMO: 'false',
  });
  const ask = async (query: string, variables: Record<string, unknown>) => {
    // Subgraphs answer only signed requests (docs/decisions/0004): sign as a service, as the gateway would.
    const identity = await signInternal(serviceActor('bench'), secretOf(running.config, 'activities'), 'activities');
    const result = await graphql(running.server.url, query, variables, { [INTERNAL_IDENTITY_HEADER]: identity });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  try {
    const [shape] = await sql<{ communities: number; participations: number; ledger: number; activities: number }>(
      `${prefix}activities`,
      'SELECT (SELECT count(DISTINCT community_id) FROM activity)::int AS communities, (SELECT count(*) FROM activity)::int AS activities, (SELECT count(*) FROM participation)::int AS participations, (SELECT count(*) FROM service_hours)::int AS ledger',
    );
    console.log(`district: ${JSON.stringify(shape)}, period ${year.from}..${year.to}`);
    const communities = await sql<{ id: string }>(
      `${prefix}activities`,
      'SELECT DISTINCT community_id AS id FROM activity ORDER BY 1 LIMIT 20',
    );
    const entities = (typename: string, selection: string) =>
      `query($r: [_Any!]!, $from: String!, $to: String!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
    const communityQuery = entities('Community', `volunteerStats(from: $from, to: $to) { ${STATS} }`);
    const one = [{ __typename: 'Community', id: communities[0].id }];
    const sample = (await ask(communityQuery, { r: one, ...year })) as { _entities: { volunteerStats: unknown }[] };
    console.log(`one community's year: ${JSON.stringify(sample._entities[0].volunteerStats).slice(0, 200)}…`);
    await time('Community.volunteerStats, 1 community, a year', () => ask(communityQuery, { r: one, ...year }));
    await time('Community.volunteerStats, 20 communities in one request, a year', () =>
      ask(communityQuery, { r: communities.map((c) => ({ __typename: 'Community', id: c.id })), ...year }),
    );

    const [committee] = await sql<{ id: string; path: string }>(
      `${prefix}organizations`,
      `SELECT id, path FROM organization WHERE kind = 'WORKING_COMMITTEE' ORDER BY id LIMIT 1`,
    );
    const subtree = await sql<{ id: string }>(
      `${prefix}organizations`,
      `SELECT id FROM organization WHERE path >= $1 AND path < $1 || '~'`,
      [committee.path],
    );
    const street = [{ __typename: 'Organization', id: committee.id, subtreeIds: subtree.map((o) => o.id) }];
    await time(`Organization.volunteerStats, a street working committee (${subtree.length} organisations), a year`, () =>
      ask(entities('Organization', `volunteerStats(from: $from, to: $to) { ${STATS} }`), { r: street, ...year }),
    );

    const members = await sql<{ id: string }>(
      `${prefix}activities`,
      'SELECT DISTINCT member_id AS id FROM service_hours ORDER BY 1 LIMIT 100',
    );
    await time('Member.volunteerHours, 100 members in one request, a year', () =>
      ask(entities('Member', 'volunteerHours(from: $from, to: $to)'), {
        r: members.map((m) => ({ __typename: 'Member', id: m.id })),
        ...year,
      }),
    );

    const plan = await sql<{ 'QUERY PLAN': string }>(
      `${prefix}activities`,
      `EXPLAIN (ANALYZE, BUFFERS) SELECT sum(hours), count(*), count(DISTINCT member_id) FROM service_hours WHERE community_id = $1 AND served_at >= $2 AND served_at < $3`,
      [communities[0].id, new Date(`${year.from}T00:00:00+08:00`), new Date(Date.now() + DAY)],
    );
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    const viaJoin = await sql<{ 'QUERY PLAN': string }>(
      `${prefix}activities`,
      `EXPLAIN (ANALYZE, BUFFERS) SELECT sum(p.hours), count(*), count(DISTINCT p.member_id) FROM activity a JOIN participation p ON p.activity_id = a.id
        WHERE a.community_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 AND p.credited_at IS NOT NULL`,
      [communities[0].id, new Date(`${year.from}T00:00:00+08:00`), new Date(Date.now() + DAY)],
    );
    console.log('-- the same without the ledger (activity join participation):');
    console.log(viaJoin.map((r) => r['QUERY PLAN']).join('\n'));
  } finally {
    await running.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
