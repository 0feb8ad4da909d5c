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

/** Parent of every live process, read once from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may hold spaces: the parent pid is the 2nd field after it.
      const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(Number(entry), Number(afterName[1]));
    } catch {
      // gone meanwhile
    }
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
