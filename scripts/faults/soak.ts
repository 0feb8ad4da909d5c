/**
 * The soak (issue 20): `npm run soak` drives the fault suite's load (the benchmark's dashboard reads,
 * per-subgraph reads and mutations) through the gateway for 10 minutes (`--minutes N`) on a throwaway
 * Postgres cluster and the mock broker, with no fault, and samples each process's resident memory
 * every 5 s, and V8's live heap after each full collection (`--trace-gc`). Passes when no request failed
 * and each process's live heap after full collections (median of the two minutes after warm-up against
 * the last two) grew less than 10%: that is where a leak shows. Resident memory (median of the minute
 * after warm-up against the last minute) is reported beside it, with its growth over the last three
 * minutes: it rises in steps when V8 enlarges its heap after an allocation peak and does not give the
 * pages back, which is sizing, not a leak (docs/reliability.md, "Soak"). Writes bench-results/soak-latest.json.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { eventTopic, mintCallerToken } from '@cpb/kit';
import { startKafkaBroker } from '@cpb/kit/testing';
import { startStack } from '../lib/stack';
import { subgraphs } from '../subgraphs';
import { startCluster } from './cluster';
import { startLoad } from './load';
import { failuresOf, failureSummary } from './probe';

const value = (argv: string[], name: string) => (argv.indexOf(`--${name}`) >= 0 ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[soak] ${line}`);

/** V8's line for a full collection (`--trace-gc`): the heap before and after, in MB; "after" is what is alive. */
const MARK_COMPACT = /Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/;

/** The V8 heap in use and reserved, and memory outside it (Buffers), in MiB: prom-client's default metrics on each process's /metrics. */
async function heapMiB(baseUrl: string): Promise<{ used: number; total: number; external: number }> {
  const metric = (text: string, name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) / 2 ** 20 : NaN;
  };
  try {
    const text = await (await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(3_000) })).text();
    return {
      used: metric(text, 'nodejs_heap_size_used_bytes'),
      total: metric(text, 'nodejs_heap_size_total_bytes'),
      external: metric(text, 'nodejs_external_memory_bytes'),
    };
  } catch {
    return { used: NaN, total: NaN, external: NaN };
  }
}

function rssMiB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A process's /proc stat fields after its name (field 3 on: state, ppid, …), or undefined once it is gone. */
function statOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system; with `children`, also of its children that exited) a process has used, in clock ticks of 1/100 s. */
function cpuSeconds(pid: number, children = false): number {
  const fields = statOf(pid);
  if (!fields) return 0;
  const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks / 100;
}

/** The CPU seconds of the soak's own Postgres cluster: its postmaster (found by its port), its live backends and those that ended. */
function clusterCpuSeconds(port: string): number {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const postmaster = pids.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(`-p ${port} `);
    } catch {
      return false;
    }
  });
  if (!postmaster) return 0;
  const children = pids.filter((pid) => statOf(pid)?.[1] === String(postmaster));
  return cpuSeconds(postmaster, true) + children.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
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
  // `--heap-snapshots`: each process writes a heap snapshot (after a full GC) at the end of warm-up and at the end, to compare.
  const snapshotDir = argv.includes('--heap-snapshots') ? join(__dirname, '..', '..', 'bench-results', 'heap') : undefined;
  if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });
  const loadBefore = loadavg();
  const liveAfterGc: { at: number; process: string; mb: number }[] = [];
  let began: number | undefined;
  const cluster = await startCluster();
  const broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: eventTopic(s.name), partitions: 3 })) });
  const stack = await startStack({
    serverUrl: cluster.serverUrl,
    databasePrefix: 'soak_',
    ports: 'free',
    env: { KAFKA_BROKERS: broker.brokers.join(','), LOG_LEVEL: 'error', APOLLO_TELEMETRY_DISABLED: '1' },
    readyTimeoutMs: 600_000,
    // `--trace-gc`: V8 prints every collection; after a full one (mark-compact) the heap holds only what is alive.
    nodeFlags: ['--trace-gc', ...(snapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : [])],
    echo: (line) => {
      const name = /^\[([\w-]+)\]/.exec(line)?.[1];
      const after = MARK_COMPACT.exec(line)?.[1];
      if (name && after) liveAfterGc.push({ at: (Date.now() - (began ?? Date.now())) / 1000, process: name, mb: Number(after) });
    },
  }).catch(async (error: unknown) => {
    await broker.stop();
    await cluster.stop();
    throw error;
  });
  try {
    const processes = [
      ...stack.services.map((s) => ({ name: s.name, pid: s.child.process.pid!, baseUrl: s.baseUrl })),
      { name: 'gateway', pid: stack.gateway.process.pid!, baseUrl: new URL(stack.gatewayUrl).origin },
    ];
    const snapshot = async (label: string) => {
      if (!snapshotDir) return;
      for (const p of processes) process.kill(p.pid, 'SIGUSR2');
      log(`heap snapshots (${label}) asked of every process, into ${snapshotDir}`);
      await sleep(30_000); // writing them takes a while on a busy machine; the load goes on
    };
    const headers = { authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'soak' }, { expiresIn: '6h' })}` };
    log(`${minutes} min of load with ${workers} connections (warm-up ${warmupSeconds} s not judged), memory sampled every 5 s`);
    const load = startLoad({ url: () => stack.gatewayUrl, headers, workers });
    began = Date.now();
    // How much of the machine the soak itself takes: its processes' CPU seconds over the run, per second of it.
    const clusterPort = new URL(cluster.serverUrl).port;
    const cpu = () =>
      processes.reduce((sum, p) => sum + cpuSeconds(p.pid), 0) +
      clusterCpuSeconds(clusterPort) +
      (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
    const cpuBefore = cpu();
    const samples: {
      at: number;
      rss: Record<string, number>;
      heap: Record<string, { used: number; total: number; external: number }>;
    }[] = [];
    let snapshotted = false;
    while (Date.now() - began < minutes * 60_000) {
      await sleep(5_000);
      const heap = Object.fromEntries(await Promise.all(processes.map(async (p) => [p.name, await heapMiB(p.baseUrl)])));
      samples.push({
        at: (Date.now() - began) / 1000,
        rss: Object.fromEntries(processes.map((p) => [p.name, rssMiB(p.pid) ?? NaN])),
        heap,
      });
      if (!snapshotted && Date.now() - began >= warmupSeconds * 1000) {
        snapshotted = true;
        await snapshot('after warm-up');
      }
      if (samples.length % 12 === 0)
        log(
          `${Math.round((Date.now() - began) / 60_000)} min: ${load.peek().length} requests, ${load.peek().filter((o) => o.code !== 'OK').length} failed`,
        );
    }
    await snapshot('at the end');
    const ownCores = (cpu() - cpuBefore) / ((Date.now() - began) / 1000);
    const outcomes = (await load.stop()).outcomes;
    // The gateway's count of subgraph fetches that failed, by subgraph and reason (timeout: SUBGRAPH_TIMEOUT_MS).
    const gatewayFetchErrors = await fetch(`${new URL(stack.gatewayUrl).origin}/metrics`, { signal: AbortSignal.timeout(5_000) })
      .then(async (r) => (await r.text()).split('\n').filter((line) => line.startsWith('gateway_subgraph_fetch_errors_total{')))
      .catch((error: unknown) => [`(metrics not read: ${String(error)})`]);
    const failed: Record<string, number> = {};
    for (const o of outcomes) if (o.code !== 'OK') failed[`${o.name} ${o.code}`] = (failed[`${o.name} ${o.code}`] ?? 0) + 1;
    const writes = outcomes.filter((o) => o.kind === 'write' && o.code === 'OK').length;
    // Which request failed, how (code, message, path), when and after how long: a timeout says whose it was.
    const failures = failuresOf(outcomes, began);
    const after = samples.filter((s) => s.at >= warmupSeconds && s.at < warmupSeconds + 60);
    const last = samples.filter((s) => s.at >= minutes * 60 - 60);
    const threeBefore = samples.filter((s) => s.at >= minutes * 60 - 180 && s.at < minutes * 60 - 120);
    const memory = processes.map((p) => {
      const start = median(after.map((s) => s.rss[p.name]));
      const end = median(last.map((s) => s.rss[p.name]));
      // The heap's low points (right after a collection) of each minute: what stays alive, without the garbage between collections.
      const heapFloor = (of: typeof samples) => Math.min(...of.map((s) => s.heap[p.name].used).filter((v) => Number.isFinite(v)));
      const live = (from: number, to: number) =>
        median(liveAfterGc.filter((g) => g.process === p.name && g.at >= from && g.at < to).map((g) => g.mb));
      const liveStart = live(warmupSeconds, warmupSeconds + 120);
      // A quiet process may make no full collection in the last two minutes (resources, 2026-12-02: its last at 477 s of
      // 600): then its last full collection after the first window stands for the end, and the table says when it was.
      const collections = liveAfterGc.filter((g) => g.process === p.name && g.at >= warmupSeconds + 120);
      const lastTwo = live(minutes * 60 - 120, Infinity);
      const liveEnd = Number.isFinite(lastTwo) ? lastTwo : (collections.at(-1)?.mb ?? NaN);
      const liveEndAt = Number.isFinite(lastTwo) ? 'last 2 min' : collections.length ? `${Math.round(collections.at(-1)!.at)} s` : 'none';
      return {
        process: p.name,
        afterWarmupMiB: Number(start.toFixed(1)),
        lastMinuteMiB: Number(end.toFixed(1)),
        growthPercent: Number((((end - start) / start) * 100).toFixed(1)),
        // Still rising at the end, or flat (a plateau)?
        lastThreeMinutesPercent: Number(
          (((end - median(threeBefore.map((s) => s.rss[p.name]))) / median(threeBefore.map((s) => s.rss[p.name]))) * 100).toFixed(1),
        ),
        heapFloorAfterWarmupMiB: Number(heapFloor(after).toFixed(1)),
        heapFloorLastMinuteMiB: Number(heapFloor(last).toFixed(1)),
        // The median of the live heap after each full collection: two minutes after warm-up, and the last two.
        liveAfterGcStartMB: Number(liveStart.toFixed(1)),
        liveAfterGcEndMB: Number(liveEnd.toFixed(1)),
        liveAfterGcEndFrom: liveEndAt,
        liveGrowthPercent: Number((((liveEnd - liveStart) / liveStart) * 100).toFixed(1)),
        fullCollections: liveAfterGc.filter((g) => g.process === p.name && g.at >= warmupSeconds).length,
      };
    });
    const ok = Object.keys(failed).length === 0 && memory.every((m) => m.liveGrowthPercent < 10);
    const setting = `${minutes} min, ${workers} connections, ${cpus().length} cores, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at start, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at end`;
    console.log(
      `\n${setting}\n${outcomes.length} requests (${(outcomes.length / (minutes * 60)).toFixed(1)}/s), ${writes} writes, failed: ${JSON.stringify(failed)}`,
    );
    for (const line of failureSummary(failures)) console.log(`failed: ${line}`);
    console.log(
      `the soak's own processes (driver, four services, gateway, its Postgres cluster) used ${ownCores.toFixed(2)} of ${cpus().length} cores on average`,
    );
    console.log(`gateway's failed subgraph fetches: ${gatewayFetchErrors.join(', ') || 'none'}`);
    console.table(memory);
    const why = [
      ...(Object.keys(failed).length ? [`${outcomes.filter((o) => o.code !== 'OK').length} requests failed`] : []),
      ...memory.filter((m) => !(m.liveGrowthPercent < 10)).map((m) => `${m.process}: live heap growth ${m.liveGrowthPercent}%`),
    ];
    console.log(
      ok ? "soak passed: no error, every process's live heap after full collections grew less than 10%" : `soak FAILED: ${why.join('; ')}`,
    );
    const dir = join(__dirname, '..', '..', 'bench-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'soak-latest.json'),
      JSON.stringify(
        { setting, requests: outcomes.length, writes, failed, failures, gatewayFetchErrors, ownCores, memory, samples, liveAfterGc },
        null,
        2,
      ),
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
