/**
 * The fault suite (issue 20): `npm run faults` (each fault 8 s under load) or `npm run faults -- --quick`
 * (2 s each; what CI runs through test/faults.e2e.test.ts). `--only subgraph-sigkill,slow-peer` picks
 * faults; `--verbose` shows the processes' output. Prints the table and writes bench-results/faults-*.json;
 * exits 1 when a check failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runFaults } from './run';
import { faultTable } from './table';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--only');
  const only = at >= 0 ? argv[at + 1].split(',') : undefined;
  const began = Date.now();
  const loadBefore = loadavg();
  const rows = await runFaults({ quick, only, echo: argv.includes('--verbose') ? (line) => console.log(line) : undefined });
  const table = faultTable(rows);
  const setting = `${quick ? 'quick' : 'full'} run, ${cpus().length} cores, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at start, ${((Date.now() - began) / 1000).toFixed(0)} s`;
  console.log(`\n${setting}\n\n${table}`);
  const failed = rows.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${r.fault}: ${c.name} (${c.detail})`));
  console.log(failed.length ? `\nFAILED checks:\n  ${failed.join('\n  ')}` : '\nevery check holds');
  const dir = join(__dirname, '..', '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `faults-${quick ? 'quick' : 'full'}-latest.json`), JSON.stringify({ setting, rows }, null, 2));
  writeFileSync(join(dir, `faults-${quick ? 'quick' : 'full'}-latest.md`), `${setting}\n\n${table}\n`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
