/**
 * The scale-growth table of issue 15: how each operation's p50 grows with the data set.
 *   npx tsx scripts/bench/growth.ts bench-results/bench-A.json bench-results/bench-B.json [...] [--target ours]
 * Each file is one `npm run bench` result (any scale, any targets); the table has one column per scale,
 * smallest first, and the growth from the default scale (300,000) to the largest. A page operation whose
 * p50 more than doubles from 300,000 to the largest scale is flagged: it grows faster than its page.
 */
import { readFileSync } from 'node:fs';
import { markdownTable } from './report';
import type { Scenario, TargetName } from './report';

interface BenchFile {
  options: { scale: number };
  seedSeconds?: number;
  loadAverage?: { before: number[]; after: number[] };
  scenarios: Record<string, Scenario>;
}

const DEFAULT_SCALE = 300_000;
/** Past this growth from the default scale to the largest, an operation grows faster than its page. */
const MAX_GROWTH = 2;

function parseArgs(argv: string[]): { files: string[]; target: TargetName } {
  const at = argv.indexOf('--target');
  const target = (at >= 0 ? argv[at + 1] : 'ours') as TargetName;
  const files = argv.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (files.length < 2) throw new Error('give two or more bench result files (bench-results/bench-*.json)');
  return { files, target };
}

const ms = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(1));

/** One row per operation: its p50 at each scale and its growth from the default scale to the largest. */
export function growthRows(runs: BenchFile[], target: TargetName): Record<string, string>[] {
  const sorted = [...runs].sort((a, b) => a.options.scale - b.options.scale);
  const largest = sorted[sorted.length - 1]!;
  const base = sorted.find((r) => r.options.scale === DEFAULT_SCALE);
  const operations = [...new Set(sorted.flatMap((r) => Object.keys(r.scenarios)))];
  return operations.map((op) => {
    const p50 = (run: BenchFile) => run.scenarios[op]?.[target]?.p50;
    const row: Record<string, string> = { operation: op === 'overall' ? 'mix' : op };
    for (const run of sorted) row[`p50 ms at ${run.options.scale.toLocaleString('en')}`] = ms(p50(run));
    if (!base || base === largest) return row;
    const from = p50(base);
    const to = p50(largest);
    const growth = from && to ? to / from : undefined;
    row[`growth ${DEFAULT_SCALE.toLocaleString('en')} → ${largest.options.scale.toLocaleString('en')}`] =
      growth === undefined ? '-' : `${growth.toFixed(2)}x${growth > MAX_GROWTH ? ' (over 2x)' : ''}`;
    return row;
  });
}

function main(): void {
  const { files, target } = parseArgs(process.argv.slice(2));
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as BenchFile);
  console.log(`p50 of ${target} per operation alone (and the mix) by scale`);
  console.log(markdownTable(growthRows(runs, target)));
  for (const run of [...runs].sort((a, b) => a.options.scale - b.options.scale)) {
    const seeded = run.seedSeconds === undefined ? 'seeded earlier' : `seeded in ${run.seedSeconds.toFixed(0)} s`;
    const load = run.loadAverage ? `, load average ${run.loadAverage.before.map((n) => n.toFixed(1)).join(' ')}` : '';
    console.log(`- ${run.options.scale.toLocaleString('en')} members: ${seeded}${load}`);
  }
}

if (require.main === module) main();
