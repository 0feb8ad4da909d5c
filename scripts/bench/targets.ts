/**
 * One target's measurement: a warm-up, then each operation alone, then the whole mix, each with the
 * CPU and memory of the gateway's processes and of the subgraphs sampled over the same window.
 */
import type { Actor } from '@cpb/kit';
import type { DirectRequest } from './direct-plan';
import { loadDirect } from './direct-load';
import { loadGateway } from './gateway-load';
import type { RequestBody } from './operations';
import { cpus } from 'node:os';
import { sampleMachine, sampleUsage } from './process-usage';
import { Random } from './random';
import type { Recorder } from './recorder';
import type { TargetName, TargetRun } from './report';

export interface Workload {
  ops: string[];
  pools: Map<string, RequestBody[]>;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  subgraphPids: number[];
}

/** How to send load to one target: through a gateway URL, or straight at the subgraphs. */
export type Driver =
  /** `subgraphPids`: the subgraphs behind this gateway, when not the workload's (a traced stack has its own). */
  | { kind: 'gateway'; url: string; headers: Record<string, string>; pids: number[]; subgraphPids?: number[] }
  | { kind: 'direct'; requests: DirectRequest[]; urls: Record<string, string>; secrets: Record<string, string>; actor: Actor };

export interface TargetResult {
  /** Each operation alone, by name, plus `overall` for the mix. */
  scenarios: Record<string, TargetRun>;
  errorSamples: string[];
}

function drive(driver: Driver, workload: Workload, ops: string[], seconds: number, seed: number): Promise<Recorder> {
  const random = new Random(seed);
  const { connections } = workload;
  if (driver.kind === 'gateway')
    return loadGateway({ url: driver.url, headers: driver.headers, pools: workload.pools, ops, connections, seconds, random });
  return loadDirect({
    requests: driver.requests,
    urls: driver.urls,
    secrets: driver.secrets,
    actor: driver.actor,
    ops,
    connections,
    seconds,
    random,
  });
}

async function measure(
  driver: Driver,
  workload: Workload,
  ops: string[],
  seconds: number,
  seed: number,
  name: string,
): Promise<{ run: TargetRun; samples: string[] }> {
  const gateway = driver.kind === 'gateway' ? sampleUsage(driver.pids) : undefined;
  const subgraphs = sampleUsage((driver.kind === 'gateway' && driver.subgraphPids) || workload.subgraphPids);
  const machine = sampleMachine(cpus().length);
  const recorder = await drive(driver, workload, ops, seconds, seed);
  const usage = { gateway: gateway?.stop(), subgraphs: subgraphs.stop(), machineCores: machine.stop() };
  const summary = name === 'overall' ? recorder.overall(seconds) : recorder.summary(name, seconds);
  return { run: { ...summary, ...usage }, samples: recorder.errorSamples };
}

/**
 * Measures every scenario (each operation alone, then the mix) on every target back to back, the
 * targets' order rotating from one scenario to the next: on a shared machine the background load
 * changes by the minute, and running all of one target before the next would pin that on one of them.
 */
export async function runTargets(
  drivers: Partial<Record<TargetName, Driver>>,
  workload: Workload,
  log: (line: string) => void,
): Promise<Partial<Record<TargetName, TargetResult>>> {
  const targets = Object.keys(drivers) as TargetName[];
  const results: Partial<Record<TargetName, TargetResult>> = {};
  for (const target of targets) {
    log(`${target}: warm-up ${workload.warmupSeconds}s`);
    await drive(drivers[target]!, workload, workload.ops, workload.warmupSeconds, 1);
    results[target] = { scenarios: {}, errorSamples: [] };
  }
  // The same seeds for every target: each sees the same sequence of requests.
  const scenarios = [
    ...workload.ops.map((op, i) => ({ name: op, ops: [op], seconds: workload.seconds, seed: 100 + i })),
    { name: 'overall', ops: workload.ops, seconds: workload.seconds * 3, seed: 99 },
  ];
  for (const [i, scenario] of scenarios.entries()) {
    const order = targets.map((_, k) => targets[(k + i) % targets.length]);
    for (const target of order) {
      const { run, samples } = await measure(drivers[target]!, workload, scenario.ops, scenario.seconds, scenario.seed, scenario.name);
      results[target]!.scenarios[scenario.name] = run;
      results[target]!.errorSamples.push(...samples.slice(0, 5 - results[target]!.errorSamples.length));
      log(`${scenario.name} on ${target}: ${Math.round(run.rps)} req/s, p50 ${run.p50.toFixed(1)} ms, ${run.errors} errors`);
    }
  }
  return results;
}
