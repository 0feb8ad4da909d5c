/**
 * CPU time and resident memory of a process and all its descendants, read from /proc (Linux), so a
 * gateway that forks workers (cluster, Hive Gateway's --fork) is measured whole.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

interface Stat {
  pid: number;
  ppid: number;
  cpuSeconds: number;
  rssBytes: number;
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3); utime is field 14, stime 15, rss 24 (1-based, as in proc(5)).
    return {
      pid,
      ppid: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      rssBytes: Number(fields[21]) * PAGE_BYTES,
    };
  } catch {
    return undefined; // exited meanwhile
  }
}

/** The process and every descendant alive now. */
function tree(root: number): Stat[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is Stat => !!s);
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const found: Stat[] = [];
  const rootStat = all.find((s) => s.pid === root);
  const queue = rootStat ? [rootStat] : [];
  while (queue.length) {
    const next = queue.shift()!;
    found.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return found;
}

export interface Usage {
  /** CPU seconds used over the window, all processes of the tree. */
  cpuSeconds: number;
  /** CPU seconds per wall second: 1.0 is one core busy. */
  cores: number;
  /** Highest summed RSS seen while sampling. */
  peakRssBytes: number;
}

/** Samples the trees of `pids` every `intervalMs` until stopped; CPU is the delta over the window. */
export function sampleUsage(pids: number[], intervalMs = 250): { stop(): Usage } {
  const started = Date.now();
  // CPU of processes that exit during the window is lost; ours live for the whole run.
  const cpuAt = () => pids.flatMap(tree).reduce((sum, s) => sum + s.cpuSeconds, 0);
  const startCpu = cpuAt();
  let peak = 0;
  const sample = () => {
    peak = Math.max(
      peak,
      pids.flatMap(tree).reduce((sum, s) => sum + s.rssBytes, 0),
    );
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const cpuSeconds = cpuAt() - startCpu;
      return { cpuSeconds, cores: cpuSeconds / ((Date.now() - started) / 1000), peakRssBytes: peak };
    },
  };
}

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3] + fields[4]; // idle + iowait
  return { busy: total - idle, total };
}

/**
 * How busy the whole machine was over a window, in cores: what the benchmark's own processes used
 * plus anything else running (other engineers' test suites on a shared machine make numbers noisy).
 */
export function sampleMachine(cores: number): { stop(): number } {
  const start = machineTicks();
  return {
    stop() {
      const end = machineTicks();
      return end.total > start.total ? ((end.busy - start.busy) / (end.total - start.total)) * cores : 0;
    },
  };
}
