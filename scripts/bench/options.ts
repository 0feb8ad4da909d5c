/** Command-line options of `npm run bench`; `--quick` shrinks everything for CI and development. */
import type { TargetName } from './report';

export interface BenchOptions {
  quick: boolean;
  scale: number;
  databasePrefix: string;
  serverUrl: string;
  skipSeed: boolean;
  /** Seconds each operation runs alone per target; the mixed run lasts three times as long. */
  seconds: number;
  warmupSeconds: number;
  /** Load through our gateway before any target is measured, so the subgraphs' JIT and Postgres' caches are warm for all. */
  subgraphWarmupSeconds: number;
  connections: number;
  /** Variable sets drawn per operation. */
  poolSize: number;
  /** Of those, how many are recorded and replayed on the direct path. */
  directSample: number;
  targets: TargetName[];
  /** Gateway processes for ours (GATEWAY_WORKERS) and both Hive targets (--fork), so all get the same cores. */
  workers: number;
  events: boolean;
  eventsArgs: string[];
  label: string;
  /** Where the JSON goes besides bench-results/bench-<time>.json (default bench-results/latest[-quick].json). */
  out?: string;
  /** Sampling ratios of extra traced stacks measured beside ours (`--tracing 0.1,1`); empty: none. */
  tracing: number[];
  /** Also measure the response cache on the hot operations (scripts/bench/cache.ts): on by default, off with --quick or --no-cache. */
  cache: boolean;
  /** Run every process with --cpu-prof and summarise the gateways' profiles. */
  profile: boolean;
  verbose: boolean;
  /** How the stacks run: `compiled` (default, as the production image) or `tsx` (the sources). */
  runtime: 'compiled' | 'tsx';
}

function value(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

function whole(argv: string[], name: string, fallback: number, min = 1): number {
  const raw = value(argv, name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
  return n;
}

/** `--tracing 0.1,1`: each a sampling ratio in (0, 1]; `off` entries are the untraced `ours`, always measured. */
function tracingRatios(raw: string | undefined): number[] {
  if (!raw) return [];
  const ratios = raw
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '' && r !== 'off')
    .map(Number);
  if (ratios.some((r) => !(r > 0 && r <= 1))) throw new Error('--tracing takes sampling ratios in (0, 1], e.g. 0.1,1');
  return [...new Set(ratios)];
}

function runtimeOption(raw: string | undefined): 'compiled' | 'tsx' {
  if (raw === undefined || raw === 'compiled') return 'compiled';
  if (raw === 'tsx') return 'tsx';
  throw new Error('--runtime takes compiled or tsx');
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes('--quick');
  const targets = (value(argv, 'targets') ?? 'ours,hive-router,hive,direct').split(',').map((t) => t.trim()) as TargetName[];
  const unknown = targets.filter((t) => !['ours', 'hive-router', 'hive', 'direct'].includes(t));
  if (unknown.length) throw new Error(`--targets: unknown ${unknown.join(', ')} (ours, hive-router, hive, direct)`);
  const seconds = whole(argv, 'duration', quick ? 2 : 10);
  return {
    quick,
    scale: whole(argv, 'scale', quick ? 3000 : 300_000, 100),
    // Separate databases, so a quick run never throws away the large data set.
    databasePrefix: value(argv, 'prefix') ?? (quick ? 'benchq_' : 'bench_'),
    serverUrl: env.BENCH_DATABASE_URL ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    skipSeed: argv.includes('--skip-seed'),
    seconds,
    warmupSeconds: whole(argv, 'warmup', Math.max(2, Math.round(seconds / 2))),
    subgraphWarmupSeconds: whole(argv, 'subgraph-warmup', quick ? 4 : 15, 0),
    connections: whole(argv, 'connections', quick ? 8 : 16),
    poolSize: whole(argv, 'pool', quick ? 40 : 200),
    directSample: whole(argv, 'direct-sample', quick ? 10 : 30),
    targets,
    workers: whole(argv, 'workers', Number(env.GATEWAY_WORKERS ?? 1)),
    events: !argv.includes('--no-events'),
    eventsArgs: quick ? ['--events', '2000', '--samples', '40'] : ['--events', '20000', '--samples', '150'],
    label: value(argv, 'label') ?? '',
    out: value(argv, 'out'),
    profile: argv.includes('--profile'),
    // The default run measures the response cache too (its table is part of the closing note); --quick only with --cache.
    cache: argv.includes('--cache') || (!quick && !argv.includes('--no-cache')),
    tracing: tracingRatios(value(argv, 'tracing')),
    verbose: argv.includes('--verbose'),
    runtime: runtimeOption(value(argv, 'runtime')),
  };
}
