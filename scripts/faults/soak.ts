/**
 * The soak (issue 20): `npm run soak` drives the fault suite's load (the benchmark's dashboard reads,
 * per-subgraph reads and mutations) through the gateway for 10 minutes (`--minutes N`) on a throwaway
 * Postgres cluster and the mock broker, with no fault, and samples each process's resident memory
 * every 5 s. Passes when no request failed and each process's memory, the median of the minute after
 * warm-up against the median of the last minute, grew less than 10%. Writes bench-results/soak-latest.json.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { eventTopic, mintCallerToken } from '@cpb/kit';
import { startKafkaBroker } from '@cpb/kit/testing';
import { startStack } from '../lib/stack';
import { subgraphs } from '../subgraphs';
import { startCluster } from './cluster';
import { startLoad } from './load';

const value = (argv: string[], name: string) => (argv.indexOf(`--${name}`) >= 0 ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[soak] ${line}`);

function rssMiB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const minutes = Number(value(argv, 'minutes') ?? 10);
  const warmupSeconds = Number(value(argv, 'warmup') ?? Math.min(120, minutes * 12));
  const workers = Number(value(argv, 'workers') ?? 4);
  const loadBefore = loadavg();
  const cluster = await startCluster();
  const broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: eventTopic(s.name), partitions: 3 })) });
  const stack = await startStack({
    serverUrl: cluster.serverUrl,
    databasePrefix: 'soak_',
    ports: 'free',
    env: { KAFKA_BROKERS: broker.brokers.join(','), LOG_LEVEL: 'error', APOLLO_TELEMETRY_DISABLED: '1' },
    readyTimeoutMs: 600_000,
  }).catch(async (error: unknown) => {
    await broker.stop();
    await cluster.stop();
    throw error;
  });
  try {
    const processes = [
      ...stack.services.map((s) => ({ name: s.name, pid: s.child.process.pid! })),
      { name: 'gateway', pid: stack.gateway.process.pid! },
    ];
    const headers = { authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'soak' }, { expiresIn: '6h' })}` };
    log(`${minutes} min of load with ${workers} connections (warm-up ${warmupSeconds} s not judged), memory sampled every 5 s`);
    const load = startLoad({ url: () => stack.gatewayUrl, headers, workers });
    const began = Date.now();
    const samples: { at: number; rss: Record<string, number> }[] = [];
    while (Date.now() - began < minutes * 60_000) {
      await sleep(5_000);
      samples.push({ at: (Date.now() - began) / 1000, rss: Object.fromEntries(processes.map((p) => [p.name, rssMiB(p.pid) ?? NaN])) });
      if (samples.length % 12 === 0)
        log(
          `${Math.round((Date.now() - began) / 60_000)} min: ${load.peek().length} requests, ${load.peek().filter((o) => o.code !== 'OK').length} failed`,
        );
    }
    const outcomes = (await load.stop()).outcomes;
    const failed: Record<string, number> = {};
    for (const o of outcomes) if (o.code !== 'OK') failed[`${o.name} ${o.code}`] = (failed[`${o.name} ${o.code}`] ?? 0) + 1;
    const writes = outcomes.filter((o) => o.kind === 'write' && o.code === 'OK').length;
    const after = samples.filter((s) => s.at >= warmupSeconds && s.at < warmupSeconds + 60);
    const last = samples.filter((s) => s.at >= minutes * 60 - 60);
    const memory = processes.map((p) => {
      const start = median(after.map((s) => s.rss[p.name]));
      const end = median(last.map((s) => s.rss[p.name]));
      return {
        process: p.name,
        afterWarmupMiB: Number(start.toFixed(1)),
        lastMinuteMiB: Number(end.toFixed(1)),
        growthPercent: Number((((end - start) / start) * 100).toFixed(1)),
      };
    });
    const ok = Object.keys(failed).length === 0 && memory.every((m) => m.growthPercent < 10);
    const setting = `${minutes} min, ${workers} connections, ${cpus().length} cores, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at start, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at end`;
    console.log(
      `\n${setting}\n${outcomes.length} requests (${(outcomes.length / (minutes * 60)).toFixed(1)}/s), ${writes} writes, failed: ${JSON.stringify(failed)}`,
    );
    console.table(memory);
    console.log(ok ? 'soak passed: no error, every process grew less than 10%' : 'soak FAILED');
    const dir = join(__dirname, '..', '..', 'bench-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'soak-latest.json'),
      JSON.stringify({ setting, requests: outcomes.length, writes, failed, memory, samples }, null, 2),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stack.stop();
    await broker.stop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
