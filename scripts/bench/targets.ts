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
import type { TargetRun } from './report';

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
  | { kind: 'gateway'; url: string; headers: Record<string, string>; pids: number[] }
  | { kind: 'direct'; requests: DirectRequest[]; urls: Record<string, string>; secrets: Record<string, string>; actor: Actor };

export interface TargetResult {
  /** Each operation alone, by name, plus `overall` for the mix. */
  scenarios: Record<string, TargetRun>;
  errorSamples: string[];
}

function drive(driver: Driver, workload: Workload, ops: string[], seconds: number, seed: number): Promise<Recorder> {
  const random = new Random(seed);
  const { connections } = workload;
  if (driver.kind === 'gateway') return loadGateway({ url: driver.url, headers: driver.headers, pools: workload.pools, ops, connections, seconds, random });
  return loadDirect({ requests: driver.requests, urls: driver.urls, secrets: driver.secrets, actor: driver.actor, ops, connections, seconds, random });
}

async function measure(driver: Driver, workload: Workload, ops: string[], seconds: number, seed: number, name: string): Promise<{ run: TargetRun; samples: string[] }> {
  const gateway = driver.kind === 'gateway' ? sampleUsage(driver.pids) : undefined;
  const subgraphs = sampleUsage(workload.subgraphPids);
  const machine = sampleMachine(cpus().length);
  const recorder = await drive(driver, workload, ops, seconds, seed);
  const usage = { gateway: gateway?.stop(), subgraphs: subgraphs.stop(), machineCores: machine.stop() };
  const summary = name === 'overall' ? recorder.overall(seconds) : recorder.summary(name, seconds);
  return { run: { ...summary, ...usage }, samples: recorder.errorSamples };
}

export async function runTarget(driver: Driver, workload: Workload, log: (line: string) => void): Promise<TargetResult> {
  log(`  warm-up ${workload.warmupSeconds}s`);
  await drive(driver, workload, workload.ops, workload.warmupSeconds, 1);
  const scenarios: Record<string, TargetRun> = {};
  const errorSamples: string[] = [];
  // The same seeds for every target: each sees the same sequence of requests.
  for (const [i, op] of workload.ops.entries()) {
    const { run, samples } = await measure(driver, workload, [op], workload.seconds, 100 + i, op);
    scenarios[op] = run;
    errorSamples.push(...samples);
    log(`  ${op}: ${Math.round(run.rps)} req/s, p50 ${run.p50.toFixed(1)} ms, ${run.errors} errors`);
  }
  const { run, samples } = await measure(driver, workload, workload.ops, workload.seconds * 3, 99, 'overall');
  scenarios.overall = run;
  errorSamples.push(...samples);
  log(`  mix: ${Math.round(run.rps)} req/s, p50 ${run.p50.toFixed(1)} ms, ${run.errors} errors`);
  return { scenarios, errorSamples: errorSamples.slice(0, 5) };
}
