/**
 * The dashboard benchmark (issue 8): `npm run bench` (default scale, ~10 min) or `npm run bench -- --quick`.
 * Seeds a district, starts the stack with production settings, and drives the same workload through
 * our gateway, through Hive Gateway (with the Rust planner of its router runtime, and without) and
 * straight at the subgraphs; then the events benchmark.
 * Options: scripts/bench/options.ts. Results: stdout and bench-results/*.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { graphql, mintCallerToken, type Actor } from '@cpb/kit';
import { subgraphNames } from '@cpb/subgraphs';
import { startStack, type Stack } from '../lib/stack';
import { chooseRuntime } from '../lib/compiled-build';
import { supergraphPath } from '../subgraphs';
import { cacheReport, runCacheBenchmark, type CacheResult } from './cache';
import { recordDirectRequests } from './direct-plan';
import { runEventsBenchmark, type EventsResult } from './events';
import { startHiveGateway, supergraphWithUrls, type HiveGateway } from './hive-gateway';
import { loadOperations, variablePools } from './operations';
import { parseOptions, type BenchOptions } from './options';
import { summariseProfile } from './profile-summary';
import { markdownTable, perOperationRows, scenarioRows, statementRows, targetRows, type Scenario, type TargetName } from './report';
import { subgraphWorkPerOperation, type PerService } from './sql-statements';
import { loadGateway } from './gateway-load';
import { Random } from './random';
import { runTargets, type Driver, type TargetResult, type Workload } from './targets';
import { startOtlpSink, type OtlpSink } from './otlp-sink';
import { startTracedStacks, type TracedStack } from './traced-stacks';

const root = join(__dirname, '..', '..');
const resultsDir = join(root, 'bench-results');
const names = subgraphNames;
const log = (line: string) => console.log(`[bench] ${line}`);

function seed(options: BenchOptions): Promise<number> {
  const started = Date.now();
  const args = [
    '--import',
    'tsx',
    join(root, 'scripts', 'seed.ts'),
    '--scale',
    String(options.scale),
    '--reset',
    '--prefix',
    options.databasePrefix,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: options.serverUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve((Date.now() - started) / 1000) : reject(new Error(`seeding failed (exit ${code})`))));
  });
}

/** Fresh secrets per run: production settings refuse the development defaults. */
function benchSecrets(): Record<string, string> {
  const secret = () => randomBytes(24).toString('hex');
  return Object.fromEntries([...names.map((n) => [`${n.toUpperCase()}_SECRET`, secret()]), ['JWT_SECRET', secret()]]);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const secrets = benchSecrets();
  const profileDir = join(resultsDir, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    APOLLO_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    GATEWAY_WORKERS: String(options.workers),
    ...secrets,
  };
  // Every process of the stack (gateways, their workers, services) writes a V8 profile on exit; they are summarised below.
  if (options.profile)
    Object.assign(env, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim() });
  const echo = options.verbose ? (line: string) => console.log(line) : () => {};

  const seedSeconds = options.skipSeed ? undefined : await seed(options);
  if (seedSeconds !== undefined) log(`seeded ${options.scale} members in ${seedSeconds.toFixed(0)} s`);

  const runtime = await chooseRuntime(options.runtime, log);
  log(`starting the stack (NODE_ENV=production, ${runtime}, ${options.workers} gateway worker(s))`);
  const stack: Stack = await startStack({
    runtime,
    serverUrl: options.serverUrl,
    databasePrefix: options.databasePrefix,
    ports: 'free',
    seedDemo: false,
    env,
    echo,
  });
  const hives: HiveGateway[] = [];
  let sink: OtlpSink | undefined;
  let traced: TracedStack[] = [];
  const gatewayPids: Record<string, number> = { ours: stack.gateway.process.pid! };
  let run: Parameters<typeof report>[1];
  try {
    const actor: Actor = { role: 'DISTRICT_ADMIN', sub: 'bench' };
    const headers = { authorization: `Bearer ${await mintCallerToken(actor, { secret: secrets.JWT_SECRET, expiresIn: '2h' })}` };
    const operations = loadOperations();
    const pools = variablePools(operations, options.scale, options.poolSize);

    // An operation the current schema or data cannot answer is left out with a warning, not benchmarked as errors.
    const skipped: Record<string, string> = {};
    for (const [op, pool] of pools) {
      const result = await graphql(stack.gatewayUrl, pool[0].query, pool[0].variables, headers);
      if (result.errors?.length) {
        skipped[op] = JSON.stringify(result.errors[0]).slice(0, 300);
        log(`skipping ${op}: ${skipped[op]}`);
        pools.delete(op);
      }
    }
    const ops = [...pools.keys()];
    const loadBefore = loadavg();
    const ours = await subgraphWorkPerOperation(stack.gatewayUrl, headers, stack.services, pools);
    const statements = ours.statements;
    const subgraphRequests: Record<string, Record<string, PerService>> = { ours: ours.requests };

    const urls = Object.fromEntries(stack.services.map((s) => [s.name, s.url]));
    const subgraphSecrets = Object.fromEntries(names.map((n) => [n, secrets[`${n.toUpperCase()}_SECRET`]]));
    const workload: Workload = {
      ops,
      pools,
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      subgraphPids: stack.services.map((s) => s.child.process.pid!),
    };
    // Whoever goes first would otherwise pay for the subgraphs' JIT warm-up (seen: 2x their CPU per request).
    if (options.subgraphWarmupSeconds > 0) {
      log(`warming the subgraphs up for ${options.subgraphWarmupSeconds}s`);
      await loadGateway({
        url: stack.gatewayUrl,
        headers,
        pools,
        ops,
        connections: options.connections,
        seconds: options.subgraphWarmupSeconds,
        random: new Random(7),
      });
    }

    const drivers: Partial<Record<TargetName, Driver>> = {};
    for (const target of options.targets) {
      if (target === 'ours') drivers.ours = { kind: 'gateway', url: stack.gatewayUrl, headers, pids: [stack.gateway.process.pid!] };
      if (target === 'ours' && options.tracing.length) {
        sink = await startOtlpSink();
        log(`starting ${options.tracing.length} traced stack(s) (sampling ${options.tracing.join(', ')}), spans to ${sink.url}`);
        traced = await startTracedStacks(options.tracing, sink, {
          runtime,
          serverUrl: options.serverUrl,
          databasePrefix: options.databasePrefix,
          ports: 'free',
          seedDemo: false,
          env,
          echo,
        });
        for (const variant of traced) {
          if (options.subgraphWarmupSeconds > 0)
            await loadGateway({
              url: variant.stack.gatewayUrl,
              headers,
              pools,
              ops,
              connections: options.connections,
              seconds: options.subgraphWarmupSeconds,
              random: new Random(7),
            });
          gatewayPids[variant.target] = variant.stack.gateway.process.pid!;
          drivers[variant.target] = {
            kind: 'gateway',
            url: variant.stack.gatewayUrl,
            headers,
            pids: [variant.stack.gateway.process.pid!],
            subgraphPids: variant.stack.services.map((s) => s.child.process.pid!),
          };
        }
      }
      if (target === 'hive' || target === 'hive-router') {
        const supergraph = supergraphWithUrls(supergraphPath, urls, join(resultsDir, 'tmp'));
        const hive = await startHiveGateway({
          supergraphPath: supergraph,
          env,
          workers: options.workers,
          planner: target === 'hive-router' ? 'router' : 'javascript',
          echo,
        });
        hives.push(hive);
        gatewayPids[target] = hive.child.process.pid!;
        subgraphRequests[target] = (await subgraphWorkPerOperation(hive.url, headers, stack.services, pools)).requests;
        drivers[target] = { kind: 'gateway', url: hive.url, headers, pids: [hive.child.process.pid!] };
      }
      if (target === 'direct') {
        const sample = ops.flatMap((op) =>
          pools
            .get(op)!
            .slice(0, options.directSample)
            .map((body) => ({ op, body })),
        );
        log(`recording the query plans' subgraph requests for ${sample.length} requests (direct path)`);
        const requests = await recordDirectRequests(
          { supergraphSdl: readFileSync(supergraphPath, 'utf8'), urls, secrets: subgraphSecrets, actor },
          sample,
        );
        drivers.direct = { kind: 'direct', requests, urls, secrets: subgraphSecrets, actor };
      }
    }
    const results = await runTargets(drivers, workload, log);
    const loadAfter = loadavg();
    if (sink) {
      const { requests, bytes } = sink.stats();
      log(`traced stacks exported ${requests} OTLP requests, ${(bytes / 2 ** 20).toFixed(1)} MiB of spans`);
    }

    let events: EventsResult | undefined;
    if (options.events) {
      log('events benchmark (scripts/bench-events.ts)');
      events = await runEventsBenchmark(options.eventsArgs);
    }
    run = { seedSeconds, skipped, statements, subgraphRequests, results, events, ops, started, loadBefore, loadAfter };
  } finally {
    await Promise.all(hives.map((hive) => hive.child.stop()));
    await Promise.all(traced.map((variant) => variant.stack.stop()));
    await sink?.stop();
    await stack.stop();
  }
  const servicePids = Object.fromEntries(stack.services.map((s) => [s.name, s.child.process.pid!]));
  if (options.profile) run.profiles = profileSummaries(profileDir, { ...gatewayPids, ...servicePids });
  if (options.cache) run.cache = await runCacheBenchmark({ options, env, jwtSecret: secrets.JWT_SECRET, log, echo });
  report(options, run);
}

/** Summaries of the gateways' and services' profiles (a forked worker's file carries its own pid and is left out). */
function profileSummaries(dir: string, pids: Record<string, number>): Record<string, ReturnType<typeof summariseProfile>> {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  const summaries: Record<string, ReturnType<typeof summariseProfile>> = {};
  for (const [name, pid] of Object.entries(pids)) {
    // Node names them CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile.
    const file = files.find((f) => f.split('.')[3] === String(pid));
    if (file) summaries[name] = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  log(`profiles: ${dir}`);
  return summaries;
}

function report(
  options: BenchOptions,
  run: {
    seedSeconds?: number;
    skipped: Record<string, string>;
    statements: Record<string, PerService>;
    subgraphRequests: Record<string, Record<string, PerService>>;
    results: Partial<Record<TargetName, TargetResult>>;
    events?: EventsResult;
    ops: string[];
    started: number;
    profiles?: Record<string, ReturnType<typeof summariseProfile>>;
    cache?: CacheResult;
    /** The machine's load averages (1, 5, 15 min) before and after the measured targets. */
    loadBefore: number[];
    loadAfter: number[];
  },
): void {
  const scenarios: Record<string, Scenario> = {};
  for (const name of [...run.ops, 'overall']) {
    scenarios[name] = Object.fromEntries(Object.entries(run.results).map(([target, result]) => [target, result!.scenarios[name]]));
  }
  const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' ');
  const setting = `scale ${options.scale} members, ${options.connections} connections, ${options.seconds} s per operation and ${options.seconds * 3} s for the mix per target, ${options.workers} gateway worker(s), ${cpus().length} cores, load average ${load(run.loadBefore)} before and ${load(run.loadAfter)} after`;
  const lines: string[] = [`# Dashboard benchmark${options.label ? ` (${options.label})` : ''}`, '', setting, ''];
  console.log(`\n${setting}`);
  for (const [name, scenario] of Object.entries(scenarios)) {
    const rows = scenarioRows(scenario);
    console.log(`\n${name === 'overall' ? 'overall (all operations mixed)' : name}`);
    console.table(rows);
    lines.push(`## ${name === 'overall' ? 'overall (all operations mixed)' : name}`, '', markdownTable(rows), '');
  }
  // The issue's targets on the mix, then each operation with the four targets side by side.
  const targets = targetRows(scenarios.overall ?? {});
  console.log('\ntargets (mix)');
  console.table(targets);
  lines.push('## Targets (mix)', '', markdownTable(targets), '');
  const perOperation = perOperationRows(scenarios, run.ops);
  console.log('\neach operation alone');
  console.table(perOperation);
  lines.push('## Each operation alone', '', markdownTable(perOperation), '');
  const sql = statementRows(run.statements);
  console.log('\nSQL statements per operation (one request through our gateway, per service)');
  console.table(sql);
  lines.push('## SQL statements per operation', '', markdownTable(sql), '');
  const requests = Object.entries(run.subgraphRequests).flatMap(([gateway, perOp]) =>
    statementRows(perOp).map((r) => ({ ...r, operation: `${r.operation} (${gateway})` })),
  );
  console.log('\nSubgraph requests per operation (one request through each gateway, per service)');
  console.table(requests);
  lines.push('## Subgraph requests per operation', '', markdownTable(requests), '');
  for (const [target, result] of Object.entries(run.results)) {
    if (result!.errorSamples.length) console.log(`\nerrors seen on ${target}:\n  ${result!.errorSamples.join('\n  ')}`);
  }
  if (Object.keys(run.skipped).length) console.log(`\nskipped operations: ${JSON.stringify(run.skipped)}`);
  if (run.events) {
    console.log(`\nevents benchmark (${run.events.seconds.toFixed(0)} s${run.events.ok ? '' : ', FAILED'})\n${run.events.output}`);
    lines.push(`## Events${run.events.ok ? '' : ' (failed)'}`, '', '```', run.events.output, '```', '');
  }
  for (const [name, profile] of Object.entries(run.profiles ?? {})) {
    console.log(`\nCPU profile of ${name}: busy ${profile.busyMs} ms, idle ${profile.idleMs} ms`);
    console.table(profile.packages);
    console.table(profile.functions);
  }
  if (run.cache) {
    console.log(`\n${cacheReport(run.cache)}`);
    lines.push(cacheReport(run.cache));
  }
  const seconds = (Date.now() - run.started) / 1000;
  console.log(
    `\nbenchmark finished in ${seconds.toFixed(0)} s${run.seedSeconds !== undefined ? ` (seeding ${run.seedSeconds.toFixed(0)} s)` : ''}`,
  );

  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify(
    {
      options,
      finishedAt: new Date().toISOString(),
      seconds,
      seedSeconds: run.seedSeconds,
      loadAverage: { before: run.loadBefore, after: run.loadAfter },
      skipped: run.skipped,
      scenarios,
      statements: run.statements,
      subgraphRequests: run.subgraphRequests,
      errorSamples: Object.fromEntries(Object.entries(run.results).map(([t, r]) => [t, r!.errorSamples])),
      events: run.events,
      profiles: run.profiles,
      cache: run.cache,
    },
    null,
    2,
  );
  for (const file of [
    join(resultsDir, `bench-${stamp}.json`),
    options.out ?? join(resultsDir, options.quick ? 'latest-quick.json' : 'latest.json'),
  ])
    writeFileSync(file, json);
  writeFileSync(join(resultsDir, options.quick ? 'latest-quick.md' : 'latest.md'), lines.join('\n'));
  console.log(`results: bench-results/bench-${stamp}.json`);
}

// `--imports`: the bulk import and export figures (issue 18) instead, from their own script.
if (process.argv.includes('--imports')) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'import-export-bench.ts'), ...process.argv.slice(2).filter((a) => a !== '--imports')],
    { cwd: root, stdio: 'inherit' },
  );
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
