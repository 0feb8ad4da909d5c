/** The benchmark's tables: one per operation and one for the mixed workload, with the ratios. */
import type { LatencySummary } from './recorder';
import type { Usage } from './process-usage';

/** Our gateway with tracing on at a sampling ratio (`--tracing`), e.g. `ours traced 10%`. */
export type TracedTarget = `ours traced ${string}`;
/** `hive-router`: Hive Gateway planning with the Rust query planner (@graphql-hive/router-runtime). */
export type TargetName = 'ours' | 'hive-router' | 'hive' | 'direct' | TracedTarget;

export interface TargetRun extends LatencySummary {
  /** CPU and peak memory of the gateway's processes (none for the direct path). */
  gateway?: Usage;
  /** CPU of the four subgraph services together over the same window. */
  subgraphs: Usage;
  /** Cores busy on the whole machine over the window (ours, Postgres, the load generator, anyone else). */
  machineCores: number;
}

/** Results of one scenario (an operation alone, or the mix) for each target. */
export type Scenario = Partial<Record<TargetName, TargetRun>>;

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}x` : '-';

function row(name: string, run: TargetRun) {
  return {
    target: name,
    'req/s': Math.round(run.rps),
    'p50 ms': ms(run.p50),
    'p95 ms': ms(run.p95),
    'p99 ms': ms(run.p99),
    errors: run.errors,
    'gw CPU (cores)': run.gateway ? run.gateway.cores.toFixed(2) : '-',
    'gw CPU ms/req': run.gateway && run.requests ? ((run.gateway.cpuSeconds * 1000) / run.requests).toFixed(1) : '-',
    'gw peak RSS MB': run.gateway ? Math.round(run.gateway.peakRssBytes / 2 ** 20) : '-',
    'subgraphs CPU ms/req': run.requests ? ((run.subgraphs.cpuSeconds * 1000) / run.requests).toFixed(1) : '-',
    'machine busy (cores)': run.machineCores.toFixed(2),
  };
}

export function scenarioRows(scenario: Scenario) {
  const labels: Record<string, string> = {
    ours: 'ours (@apollo/gateway)',
    'hive-router': 'Hive Gateway + router runtime',
    hive: 'Hive Gateway',
    direct: 'direct (subgraphs only)',
  };
  const traced = (Object.keys(scenario) as TargetName[]).filter((t): t is TracedTarget => t.startsWith('ours traced'));
  const rows: Record<string, string | number>[] = (['ours', ...traced, 'hive-router', 'hive', 'direct'] as TargetName[])
    .filter((t) => scenario[t])
    .map((t) => row(labels[t] ?? t, scenario[t]!));
  const { ours, hive, direct } = scenario;
  const router = scenario['hive-router'];
  // Tracing overhead: each traced variant against the untraced gateway measured in the same rotation.
  for (const t of traced) {
    const run = scenario[t]!;
    if (ours)
      rows.push({
        target: `${t} / ours`,
        'req/s': ratio(run.rps, ours.rps),
        'p50 ms': ratio(run.p50, ours.p50),
        'p95 ms': ratio(run.p95, ours.p95),
        'p99 ms': ratio(run.p99, ours.p99),
      });
  }
  if (ours && router)
    rows.push({
      target: 'ours / Hive+router',
      'req/s': ratio(ours.rps, router.rps),
      'p50 ms': ratio(ours.p50, router.p50),
      'p95 ms': ratio(ours.p95, router.p95),
      'p99 ms': ratio(ours.p99, router.p99),
    });
  if (ours && hive)
    rows.push({
      target: 'ours / Hive',
      'req/s': ratio(ours.rps, hive.rps),
      'p50 ms': ratio(ours.p50, hive.p50),
      'p95 ms': ratio(ours.p95, hive.p95),
      'p99 ms': ratio(ours.p99, hive.p99),
    });
  if (ours && direct)
    rows.push({
      target: 'ours / direct',
      'req/s': ratio(ours.rps, direct.rps),
      'p50 ms': ratio(ours.p50, direct.p50),
      'p95 ms': ratio(ours.p95, direct.p95),
      'p99 ms': ratio(ours.p99, direct.p99),
    });
  return rows;
}

/** Markdown for docs and the closing note; the console gets console.table. */
export function markdownTable(rows: Record<string, string | number>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}

export function statementRows(counts: Record<string, Record<string, number>>) {
  return Object.entries(counts).map(([op, perService]) => ({
    operation: op,
    ...perService,
    total: Object.values(perService).reduce((a, b) => a + b, 0),
  }));
}

const cpuPerRequest = (run: TargetRun | undefined) =>
  run?.gateway && run.requests ? (run.gateway.cpuSeconds * 1000) / run.requests : undefined;
const times = (n: number | undefined) => (n === undefined ? '-' : `${n.toFixed(2)}×`);
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : 'NOT met');

/**
 * The targets (issue 15) on the mix, each with its measured figure: ours against Hive Gateway
 * with the router runtime and without, our median against the direct path's, our CPU per request.
 */
export function targetRows(mix: Scenario) {
  const { ours, hive, direct } = mix;
  const router = mix['hive-router'];
  const ratioOf = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
  const rows: {
    target: string;
    measured: number | undefined;
    bound: number;
    atLeast: boolean;
    format: (n: number | undefined) => string;
  }[] = [
    {
      target: 'ours / Hive Gateway + router runtime, req/s',
      measured: ratioOf(ours?.rps, router?.rps),
      bound: 1.0,
      atLeast: true,
      format: times,
    },
    { target: 'ours / Hive Gateway, req/s', measured: ratioOf(ours?.rps, hive?.rps), bound: 1.5, atLeast: true, format: times },
    { target: 'ours p50 / direct p50', measured: ratioOf(ours?.p50, direct?.p50), bound: 1.15, atLeast: false, format: times },
    {
      target: 'ours gateway CPU ms per request',
      measured: cpuPerRequest(ours),
      bound: 1.5,
      atLeast: false,
      format: (n) => (n === undefined ? '-' : n.toFixed(2)),
    },
  ];
  return rows.map((r) => ({
    'target (mix)': r.target,
    goal: `${r.atLeast ? '≥' : '≤'} ${r.bound}`,
    measured: r.format(r.measured),
    verdict: verdict(r.measured === undefined ? undefined : r.atLeast ? r.measured >= r.bound : r.measured <= r.bound),
  }));
}

/** Each operation alone, the four targets side by side: where ours is below the Hive router, the last column says so. */
export function perOperationRows(scenarios: Record<string, Scenario>, ops: string[]) {
  return ops.map((op) => {
    const s = scenarios[op] ?? {};
    const router = s['hive-router'];
    const vsRouter = s.ours && router && router.rps > 0 ? s.ours.rps / router.rps : undefined;
    return {
      operation: op,
      'ours req/s': s.ours ? Math.round(s.ours.rps) : '-',
      'Hive+router req/s': router ? Math.round(router.rps) : '-',
      'Hive req/s': s.hive ? Math.round(s.hive.rps) : '-',
      'direct req/s': s.direct ? Math.round(s.direct.rps) : '-',
      'ours / Hive+router': times(vsRouter),
      'ours / Hive': times(s.ours && s.hive && s.hive.rps > 0 ? s.ours.rps / s.hive.rps : undefined),
      'ours p50 / direct p50': times(s.ours && s.direct && s.direct.p50 > 0 ? s.ours.p50 / s.direct.p50 : undefined),
      'ours gw CPU ms/req': cpuPerRequest(s.ours)?.toFixed(2) ?? '-',
      'Hive+router gw CPU ms/req': cpuPerRequest(router)?.toFixed(2) ?? '-',
      'below Hive+router': vsRouter === undefined ? '-' : vsRouter < 1 ? 'yes' : 'no',
    };
  });
}
