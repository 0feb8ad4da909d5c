/**
 * The response cache's benchmark (issue 15, item 4): `npm run bench -- --cache`, or alone on an already
 * seeded data set: `npx tsx scripts/bench/cache.ts --skip-seed [--scale N] [--prefix P]`.
 *
 * Starts the stack with its relays publishing to a mock Kafka and three gateways on the same services:
 * cache off, in-process cache, and Redis-shared cache. Drives each hot operation through each (uncached
 * against cached throughput, the cached gateways' hit ratio from their /metrics), then the hot mix on
 * the in-process cache while a change is made through the graph every `changeEveryMs`, timing how long
 * after each change's event on Kafka the cached answers show it (freshness), on both cached gateways.
 */
import { eventTopic, graphql, mintCallerToken } from '@cpb/kit';
import { freePort } from '@cpb/kit/launch';
import { metricValue, scrape, startKafkaBroker, startTopicReader, type KafkaBroker, type TopicReader } from '@cpb/kit/testing';
import { subgraphs } from '@cpb/subgraphs';
import { spawnNode, waitUntilReady, type Child } from '../lib/child';
import { Client } from 'pg';
import { entryArgs, serviceDatabaseUrl, startStack, type Stack } from '../lib/stack';
import { chooseRuntime } from '../lib/compiled-build';
import { loadGateway } from './gateway-load';
import { loadOperations, variablePools, type RequestBody } from './operations';
import { parseOptions, type BenchOptions } from './options';
import { Random } from './random';
import { markdownTable } from './report';

/** The dashboards' hot reads (issue 15): what the cache is for. */
export const HOT_OPERATIONS = ['community-overview', 'volunteer-stats'];
/** Redis for the shared variant; the same one the tests use unless REDIS_URL says otherwise. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Variant = 'off' | 'memory' | 'redis';

/**
 * The seeds write a district's whole history through the outbox (millions of events at 300,000 members).
 * Relayed during this benchmark, every one of them would evict cached answers as if it were a change made
 * now: the cache would be measured against a replay of years of history at full speed, not against a
 * district's changes. So the history counts as delivered before the stack starts.
 */
async function markHistoryDelivered(options: BenchOptions): Promise<number> {
  let marked = 0;
  for (const s of subgraphs) {
    const client = new Client({ connectionString: serviceDatabaseUrl(options.serverUrl, `${options.databasePrefix}${s.name}`) });
    await client.connect();
    try {
      const result = await client.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
      marked += result.rowCount ?? 0;
    } finally {
      await client.end();
    }
  }
  return marked;
}

export interface CacheRow {
  operation: string;
  'uncached req/s': number;
  'in-process req/s': number;
  'in-process ×': string;
  'in-process hit %': string;
  'Redis req/s': number;
  'Redis ×': string;
  'Redis hit %': string;
  'p50 ms uncached / in-process / Redis': string;
}

export interface CacheResult {
  rows: CacheRow[];
  /** The hot mix on the in-process cache while changes are made. */
  underChanges: { seconds: number; changes: number; rps: number; hitRatio: number };
  /** Milliseconds from a change's event on Kafka to the first request that got the new answer. */
  freshness: Record<'memory' | 'redis', { samples: number; p50: number; p95: number; max: number }>;
  errors: string[];
}

const pct = (n: number) => `${(n * 100).toFixed(1)}`;
const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : '-');
const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
};

/** Hits among all queries the cache saw on a gateway between two scrapes of its /metrics. */
function hitRatio(before: string, after: string): number {
  const moved = (result: string) =>
    metricValue(after, 'gateway_response_cache_requests_total', { result }) -
    metricValue(before, 'gateway_response_cache_requests_total', { result });
  const [hit, miss, bypass] = ['hit', 'miss', 'bypass'].map(moved);
  return hit + miss + bypass > 0 ? hit / (hit + miss + bypass) : 0;
}

/** One more gateway process on the stack's services, with `env` on top of the stack's. */
async function startGatewayProcess(
  name: string,
  stack: Stack,
  runtime: 'compiled' | 'tsx',
  env: NodeJS.ProcessEnv,
  echo: (line: string) => void,
): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const urls = Object.fromEntries(subgraphs.map((s) => [s.urlVariable, stack.services.find((service) => service.name === s.name)!.url]));
  const child = spawnNode(name, entryArgs('gateway', runtime), { ...env, ...urls, PORT: String(port) }, echo);
  await waitUntilReady(`http://127.0.0.1:${port}/ready`, child, 300_000);
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

export interface CacheBenchInput {
  options: BenchOptions;
  /** The stack's settings (production, its secrets): the same as the main benchmark's. */
  env: NodeJS.ProcessEnv;
  jwtSecret: string;
  log: (line: string) => void;
  echo: (line: string) => void;
  /** How often a change is made in the freshness phase. */
  changeEveryMs?: number;
}

export async function runCacheBenchmark(input: CacheBenchInput): Promise<CacheResult> {
  const { options, log, echo } = input;
  const changeEveryMs = input.changeEveryMs ?? 1_000;
  const broker: KafkaBroker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: s.topic, partitions: 3 })) });
  const kafka = { KAFKA_BROKERS: broker.brokers.join(',') };
  const stopping: (() => Promise<unknown>)[] = [() => broker.stop()];
  try {
    const history = await markHistoryDelivered(options);
    if (history > 0) log(`cache: ${history} seeded history events marked delivered (a running district published them long ago)`);
    log('cache: starting the stack with relays to a mock Kafka and three gateways (cache off, in-process, Redis)');
    const stack = await startStack({
      runtime: options.runtime,
      serverUrl: options.serverUrl,
      databasePrefix: options.databasePrefix,
      ports: 'free',
      seedDemo: false,
      readyTimeoutMs: 300_000,
      env: { ...input.env, ...kafka, RESPONSE_CACHE_ENTRIES: '0' },
      echo,
    });
    stopping.unshift(() => stack.stop());
    const cached = { ...input.env, ...kafka, RESPONSE_CACHE_ENTRIES: '50000' };
    const started = await Promise.allSettled([
      startGatewayProcess('gateway-cache-memory', stack, options.runtime, cached, echo),
      startGatewayProcess(
        'gateway-cache-redis',
        stack,
        options.runtime,
        { ...cached, REDIS_URL, REDIS_KEY_PREFIX: `bench:cache:${Date.now()}:` },
        echo,
      ),
    ]);
    for (const gateway of started) if (gateway.status === 'fulfilled') stopping.unshift(() => gateway.value.child.stop());
    const [memory, redis] = started.map((gateway) => {
      if (gateway.status === 'rejected') throw gateway.reason;
      return gateway.value;
    });
    const urls: Record<Variant, string> = { off: stack.gatewayUrl, memory: memory.url, redis: redis.url };
    const headers = {
      authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'bench' }, { secret: input.jwtSecret, expiresIn: '2h' })}`,
    };

    const pools = variablePools(
      loadOperations().filter((op) => HOT_OPERATIONS.includes(op.name)),
      options.scale,
      options.poolSize,
    );
    const ops = [...pools.keys()];
    const errors: string[] = [];
    const drive = async (variant: Variant, only: string[], seconds: number) => {
      const before = variant === 'off' ? '' : await scrape(urls[variant].replace(/\/graphql$/, ''));
      const recorder = await loadGateway({
        url: urls[variant],
        headers,
        pools,
        ops: only,
        connections: options.connections,
        seconds,
        random: new Random(11),
      });
      const after = variant === 'off' ? '' : await scrape(urls[variant].replace(/\/graphql$/, ''));
      errors.push(...recorder.errorSamples.map((e) => `${variant}: ${e}`));
      return { summary: recorder.overall(seconds), hits: variant === 'off' ? 0 : hitRatio(before, after) };
    };

    if (options.subgraphWarmupSeconds > 0) {
      log(`cache: warming the subgraphs up for ${options.subgraphWarmupSeconds}s`);
      await drive('off', ops, options.subgraphWarmupSeconds);
    }
    const rows: CacheRow[] = [];
    for (const op of ops) {
      log(`cache: ${op} uncached, in-process, Redis (${options.seconds}s each after ${options.warmupSeconds}s warm-up)`);
      const runs = {} as Record<Variant, Awaited<ReturnType<typeof drive>>>;
      for (const variant of ['off', 'memory', 'redis'] as const) {
        await drive(variant, [op], options.warmupSeconds); // the uncached JIT warm-up; for the caches, their first answers
        runs[variant] = await drive(variant, [op], options.seconds);
      }
      rows.push({
        operation: op,
        'uncached req/s': Math.round(runs.off.summary.rps),
        'in-process req/s': Math.round(runs.memory.summary.rps),
        'in-process ×': times(runs.memory.summary.rps, runs.off.summary.rps),
        'in-process hit %': pct(runs.memory.hits),
        'Redis req/s': Math.round(runs.redis.summary.rps),
        'Redis ×': times(runs.redis.summary.rps, runs.off.summary.rps),
        'Redis hit %': pct(runs.redis.hits),
        'p50 ms uncached / in-process / Redis': [runs.off, runs.memory, runs.redis].map((r) => r.summary.p50.toFixed(1)).join(' / '),
      });
      log(`cache: ${JSON.stringify(rows[rows.length - 1])}`);
    }

    log(`cache: the hot mix on the in-process cache for ${options.seconds * 3}s with a change through the graph every ${changeEveryMs} ms`);
    const reader = await startTopicReader(broker.brokers, eventTopic('organizations'));
    stopping.unshift(() => reader.stop());
    const targets = await changeTargets(urls.off, headers, pools.get('community-overview') ?? []);
    const samples: Record<'memory' | 'redis', number[]> = { memory: [], redis: [] };
    let changes = 0;
    const load = drive('memory', ops, options.seconds * 3);
    const deadline = Date.now() + options.seconds * 3 * 1000 - 2_000;
    try {
      while (Date.now() < deadline) {
        const started = Date.now();
        const target = targets[changes % targets.length];
        const name = `${target.name}·${changes + 1}`;
        const eventAt = await changeAndSeeEvent(urls.off, headers, reader, target.organizationId, name);
        const seen = await Promise.all(
          (['memory', 'redis'] as const).map((variant) => firstFreshAt(urls[variant], headers, target.communityId, name)),
        );
        samples.memory.push(seen[0] - eventAt);
        samples.redis.push(seen[1] - eventAt);
        changes += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, changeEveryMs - (Date.now() - started))));
      }
    } finally {
      await load.catch(() => undefined);
      // The data set is left as it was: each organisation gets its own name back.
      for (const target of targets) await rename(urls.off, headers, target.organizationId, target.name);
    }
    const mixed = await load;
    const freshness = Object.fromEntries(
      Object.entries(samples).map(([variant, list]) => [
        variant,
        {
          samples: list.length,
          p50: Math.round(percentile(list, 0.5)),
          p95: Math.round(percentile(list, 0.95)),
          max: Math.round(Math.max(...list)),
        },
      ]),
    ) as CacheResult['freshness'];
    return {
      rows,
      underChanges: { seconds: options.seconds * 3, changes, rps: Math.round(mixed.summary.rps), hitRatio: mixed.hits },
      freshness,
      errors: errors.slice(0, 5),
    };
  } finally {
    for (const stop of stopping) await stop().catch(() => undefined);
  }
}

interface ChangeTarget {
  communityId: string;
  organizationId: string;
  name: string;
}

/** The Party organisations of a few communities the overview asks about, with their names now. */
async function changeTargets(url: string, headers: Record<string, string>, pool: RequestBody[]): Promise<ChangeTarget[]> {
  const ids = [...new Set(pool.map((body) => body.variables.id as string))].slice(0, 5);
  return Promise.all(
    ids.map(async (communityId) => {
      const result = await graphql<{ community: { partyOrganization: { id: string; name: string } } }>(
        url,
        'query($id: ID!) { community(id: $id) { partyOrganization { id name } } }',
        { id: communityId },
        headers,
      );
      const org = result.data!.community.partyOrganization;
      return { communityId, organizationId: org.id, name: org.name };
    }),
  );
}

async function rename(url: string, headers: Record<string, string>, id: string, name: string): Promise<void> {
  const result = await graphql(
    url,
    'mutation($id: ID!, $name: String!) { renameOrganization(id: $id, name: $name) { id } }',
    { id, name },
    headers,
  );
  if (result.errors?.length) throw new Error(`renameOrganization failed: ${JSON.stringify(result.errors[0])}`);
}

/** Renames through the graph; resolves with the time (performance.now) its event was read from Kafka. */
async function changeAndSeeEvent(
  url: string,
  headers: Record<string, string>,
  reader: TopicReader,
  id: string,
  name: string,
): Promise<number> {
  const from = reader.messages.length;
  await rename(url, headers, id, name);
  const isIt = (value: string) => value.includes(JSON.stringify(name).slice(1, -1));
  await reader.waitFor((messages) => messages.slice(from).some((m) => m.key === id && isIt(m.value)), 30_000);
  return reader.messages.slice(from).find((m) => m.key === id && isIt(m.value))!.receivedAt;
}

/** Asks a community's overview every 5 ms until it shows `name`; the time the first such request was sent. */
async function firstFreshAt(url: string, headers: Record<string, string>, communityId: string, name: string): Promise<number> {
  const overview = loadOperations().find((op) => op.name === 'community-overview')!;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const sentAt = performance.now();
    const result = await graphql<{ community: { partyOrganization: { name: string } } }>(url, overview.query, { id: communityId }, headers);
    if (result.data?.community.partyOrganization.name === name) return sentAt;
    if (Date.now() > deadline) throw new Error(`the overview of ${communityId} still did not show the change after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The cache tables, for stdout and bench-results/*.md. */
export function cacheReport(result: CacheResult): string {
  const { underChanges: u, freshness: f } = result;
  return [
    '## Cache (hot operations; uncached = the same stack through a gateway with the cache off)',
    '',
    markdownTable(result.rows as unknown as Record<string, string | number>[]),
    '',
    `Hot mix on the in-process cache with a change through the graph every second: ${u.rps} req/s, hit ${pct(u.hitRatio)}% (${u.changes} changes in ${u.seconds} s).`,
    '',
    markdownTable(
      (['memory', 'redis'] as const).map((variant) => ({
        'freshness (ms from the event on Kafka to the first request answered with the change)':
          variant === 'memory' ? 'in-process (under the load above)' : 'Redis (idle)',
        samples: f[variant].samples,
        p50: f[variant].p50,
        p95: f[variant].p95,
        max: f[variant].max,
      })),
    ),
    ...(result.errors.length ? ['', `errors: ${result.errors.join('; ')}`] : []),
    '',
  ].join('\n');
}

if (require.main === module) {
  const options = parseOptions(process.argv.slice(2));
  const jwtSecret = process.env.JWT_SECRET ?? 'bench-cache-jwt-secret-0123456789';
  const secrets = Object.fromEntries([
    ...subgraphs.map((s) => [`${s.name.toUpperCase()}_SECRET`, `bench-cache-${s.name}-secret-0123456789`]),
    ['JWT_SECRET', jwtSecret],
  ]);
  const env = { NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', ...secrets };
  const log = (line: string) => console.log(`[bench] ${line}`);
  chooseRuntime(options.runtime, log)
    .then((runtime) =>
      runCacheBenchmark({
        options: { ...options, runtime },
        env,
        jwtSecret,
        log,
        echo: options.verbose ? console.log : () => undefined,
      }),
    )
    .then((result) => console.log(cacheReport(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
