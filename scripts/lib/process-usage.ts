import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set size now, in MiB, of the process and every process it started. */
  residentMiB: number;
  /** The highest resident size each of those processes reached (VmHWM), summed, in MiB. */
  peakMiB: number;
  /** How many processes were counted (the process and its descendants; none when it is gone). */
  processes: number;
}

function statusField(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // gone meanwhile
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): [0] state, [1] parent pid, … */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Parent of every live process, read once from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const fields = /^\d+$/.test(entry) ? statFields(entry) : undefined;
    if (fields) byPid.set(Number(entry), Number(fields[1]));
  }
  return byPid;
}

/** The process and all its descendants (e.g. a tsx loader's esbuild service). */
function processTree(pid: number, parentOf: Map<number, number>): number[] {
  const tree = parentOf.has(pid) ? [pid] : [];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

/** Linux only (reads /proc): elsewhere the figures are unknown and this returns undefined. */
export function memoryOf(pids: number[]): ProcessMemory[] | undefined {
  let parentOf: Map<number, number>;
  try {
    parentOf = parents();
  } catch {
    return undefined;
  }
  return pids.map((pid) => {
    const tree = processTree(pid, parentOf);
    const kib = (field: string) => tree.reduce((sum, p) => sum + statusField(p, field), 0);
    return { residentMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024, processes: tree.length };
  });
}

let ticksPerSecond: number | undefined;

/**
 * CPU seconds (user and system) the processes and all they started have used so far, finished
 * children included once their parent has waited for them. Unlike wall time it hardly depends on
 * what else the machine runs: on an idle 2-core machine a start cannot take less than half of it.
 */
export function cpuSecondsOf(pid: number): number | undefined {
  let parentOf: Map<number, number>;
  try {
    parentOf = parents();
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  } catch {
    return undefined;
  }
  const ticks = processTree(pid, parentOf).reduce((sum, p) => {
    const fields = statFields(p);
    // utime, stime, cutime, cstime: fields 14 to 17 of stat, 11 to 14 after the command name.
    return sum + (fields ? fields.slice(11, 15).reduce((a, b) => a + Number(b), 0) : 0);
  }, 0);
  return ticks / ticksPerSecond;
}
