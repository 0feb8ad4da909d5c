/**
 * Summarises a V8 CPU profile (.cpuprofile from `node --cpu-prof`): self time by package and by
 * function, to say where a gateway's CPU goes.
 *   npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top] [--after S]
 * `--after S` leaves out the first S seconds of the profile (start-up, warm-up).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@apollo/gateway/...` → `@apollo/gateway`; our own files by folder; V8/Node internals apart. */
export function packageOf(url: string, functionName: string): string {
  if (!url)
    return functionName === '(garbage collector)'
      ? '(gc)'
      : functionName === '(idle)' || functionName === '(program)'
        ? functionName
        : '(native)';
  const at = url.lastIndexOf('node_modules/');
  if (at >= 0) return /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(at))?.[1] ?? url;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  // The last folder of ours in the path: a worktree may itself be named like one (/work/wt/gateway/services/kit/...).
  const own = [...url.matchAll(/\/(services\/[^/]+|gateway|scripts)\//g)].pop();
  return own ? own[1] : url;
}

export function summariseProfile(profile: Profile, top = 15, afterSeconds = 0) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= afterSeconds * 1e6) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + time);
    const fn = `${functionName || '(anonymous)'} ${pkg}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + time);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, 'self ms': Math.round(t / 1000), 'share of busy': `${((t / busy) * 100).toFixed(1)}%` }));
  return { busyMs: Math.round(busy / 1000), idleMs: Math.round(idle / 1000), packages: rank(packages), functions: rank(functions) };
}

if (require.main === module) {
  const afterAt = process.argv.indexOf('--after');
  const after = afterAt >= 0 ? Number(process.argv[afterAt + 1]) : 0;
  const [file, top] = process.argv.slice(2).filter((_, i, all) => all[i] !== '--after' && all[i - 1] !== '--after');
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top] [--after S]');
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 15), after);
  console.log(`busy ${summary.busyMs} ms, idle ${summary.idleMs} ms`);
  console.table(summary.packages);
  console.table(summary.functions);
}
