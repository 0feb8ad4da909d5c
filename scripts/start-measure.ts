/**
 * `npm run start:measure`: what `npm start` costs a newcomer on the embedded database (PGlite).
 * Runs the real `npm start` (on free ports) on a fresh data folder, then again on the folder it
 * seeded, and reports for each start: seconds to the first answer through the gateway, each
 * process's start-up phases (load = Node and the code, database = PGlite start, migrations, seed,
 * server) and readiness, the CPU seconds it used, resident memory per process at rest (VmRSS of
 * each process and what it started, from /proc, once npm start has reported, 15 s after its first
 * answer, plus `--settle` seconds), and how long SIGTERM took to stop everything. Figures go to the terminal
 * and to bench-results/start-measure-<time>.json; the machine's load average is recorded with each.
 * `--fresh-clone` first deletes the build outputs (every package's dist/, the dashboard's too) and
 * runs the first start without tsx's cache, so it also pays the one-off builds, as on a fresh clone.
 *   npm run start:measure -- [--runs 3] [--settle 0] [--fresh-clone]
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { allGone, runNpmStart, type StartReport } from './lib/npm-start';
import { cpuSecondsOf, memoryOf } from './lib/process-usage';
import type { ProcessReport } from './lib/startup-report';

const root = join(__dirname, '..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

interface StartMeasurement {
  kind: 'first start (empty data folder)' | 'second start (seeded folder)';
  /** From spawning `npm start` to its "first query answered" line. */
  firstAnswerSeconds: number;
  /** CPU seconds everything `npm start` ran had used by then: what the start costs whatever the machine's load. */
  cpuSecondsToAnswer?: number;
  /** What start.ts itself measured (from its own start): its preparations and the stack's start. */
  launcher: Pick<StartReport, 'firstAnswerSeconds' | 'preparation' | 'stackSeconds'>;
  processes: ProcessReport[];
  /** Resident MiB at rest of everything `npm start` runs, and of npm, tsx and start.ts alone. */
  totalResidentMiB: number;
  launcherResidentMiB: number;
  /** From SIGTERM to npm until every process of the stack had exited; the launcher's last word. */
  stopSeconds: number;
  stopped?: string;
  loadAverage: { before: number[]; atAnswer: number[] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One `npm start` on `dataDir`: waits for its first answer, lets it settle, measures, then SIGTERMs it. */
async function measureStart(
  kind: StartMeasurement['kind'],
  dataDir: string,
  settleSeconds: number,
  env: NodeJS.ProcessEnv = {},
): Promise<StartMeasurement> {
  const reportFile = join(dataDir, '..', 'start-report.json');
  rmSync(reportFile, { force: true });
  const before = loadavg();
  const began = Date.now();
  const start = runNpmStart(dataDir, reportFile, env);
  const { at: answeredAt, report } = await start.answered;
  const cpuSecondsToAnswer = cpuSecondsOf(start.npm.pid!);
  const atAnswer = loadavg();
  await sleep(settleSeconds * 1000);
  // At rest: the same processes, measured again after the settle time.
  const pids = report.processes.map((p) => p.pid);
  const memory = memoryOf(pids) ?? [];
  const total = memoryOf([start.npm.pid!])?.[0];
  const processes = report.processes.map((p, i) => ({ ...p, memory: memory[i] }));
  const stackResident = processes.reduce((sum, p) => sum + (p.memory?.residentMiB ?? 0), 0);

  const stopBegan = Date.now();
  start.npm.kill('SIGTERM');
  await allGone(pids);
  const stopSeconds = (Date.now() - stopBegan) / 1000;
  await start.done;
  const stopped = start.output.find((line) => line.startsWith('stopped'));
  return {
    kind,
    firstAnswerSeconds: (answeredAt - began) / 1000,
    cpuSecondsToAnswer,
    launcher: { firstAnswerSeconds: report.firstAnswerSeconds, preparation: report.preparation, stackSeconds: report.stackSeconds },
    processes,
    totalResidentMiB: total?.residentMiB ?? 0,
    launcherResidentMiB: (total?.residentMiB ?? 0) - stackResident,
    stopSeconds,
    stopped,
    loadAverage: { before, atAnswer },
  };
}

const fixed = (n: number | undefined, digits = 1) => (n === undefined ? '–' : n.toFixed(digits));
const PHASES = ['load', 'database', 'migrations', 'seed', 'server'];

function preparationText(m: StartMeasurement): string {
  const preparation = m.launcher.preparation;
  if (!preparation) return '';
  const { dashboard, compile, template } = preparation.seconds;
  return `first, side by side: dashboard build ${fixed(dashboard)} s, transpile ${fixed(compile)} s, embedded template ${fixed(template)} s (the services start meanwhile); runtime ${preparation.runtime}; `;
}

function table(m: StartMeasurement): string {
  const head = `| process | ${PHASES.join(' s | ')} s | ready after s | resident MiB | peak MiB |`;
  const rule = `|${'---|'.repeat(PHASES.length + 4)}`;
  const rows = m.processes.map(
    (p) =>
      `| ${p.name} | ${PHASES.map((phase) => fixed(p.phases[phase])).join(' | ')} | ${fixed(p.readyAfter)} | ${fixed(p.memory?.residentMiB, 0)} | ${fixed(p.memory?.peakMiB, 0)} |`,
  );
  const launcher = `| npm + launcher | ${PHASES.map(() => '').join(' | ')} | | ${fixed(m.launcherResidentMiB, 0)} | |`;
  return [
    `${m.kind}: first answer after ${fixed(m.firstAnswerSeconds)} s using ${fixed(m.cpuSecondsToAnswer)} CPU s (${preparationText(m)}stack ready ${fixed(m.launcher.stackSeconds)} s); ` +
      `resident ${fixed(m.totalResidentMiB, 0)} MiB in all; SIGTERM stopped everything in ${fixed(m.stopSeconds)} s (${m.stopped ?? 'the launcher said nothing'}); ` +
      `load average ${m.loadAverage.before.map((l) => l.toFixed(2)).join(' ')} before, ${m.loadAverage.atAnswer.map((l) => l.toFixed(2)).join(' ')} at the answer`,
    '',
    head,
    rule,
    ...rows,
    launcher,
    '',
  ].join('\n');
}

/** What a fresh clone lacks: the compiled JavaScript of every package (and its stamp) and the dashboard's build. */
function deleteBuildOutputs(): void {
  const packages = [...readdirSync(join(root, 'services')).map((name) => join(root, 'services', name)), join(root, 'gateway')];
  for (const dir of packages) rmSync(join(dir, 'dist'), { recursive: true, force: true });
  rmSync(join(root, 'node_modules', '.cache', 'cpb-start'), { recursive: true, force: true });
}

async function main(): Promise<void> {
  const runs = option('runs', 1);
  const settleSeconds = option('settle', 0);
  const results: StartMeasurement[][] = [];
  for (let run = 1; run <= runs; run += 1) {
    const folder = mkdtempSync(join(tmpdir(), 'cpb-start-measure-'));
    const dataDir = join(folder, 'data');
    try {
      const freshClone = process.argv.includes('--fresh-clone');
      if (freshClone) deleteBuildOutputs();
      // A fresh clone on a machine that never ran it also has nothing in tsx's cache.
      const first = await measureStart(
        'first start (empty data folder)',
        dataDir,
        settleSeconds,
        freshClone ? { TSX_DISABLE_CACHE: '1' } : {},
      );
      console.log(`run ${run}/${runs}\n${table(first)}`);
      const second = await measureStart('second start (seeded folder)', dataDir, settleSeconds);
      console.log(table(second));
      results.push([first, second]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  if (runs > 1) {
    console.log(
      '| run | first start: answer s | CPU s | resident MiB | stop s | second start: answer s | CPU s | resident MiB | stop s | load average (1 min) |\n|---|---|---|---|---|---|---|---|---|---|',
    );
    results.forEach(([first, second], i) =>
      console.log(
        `| ${i + 1} | ${fixed(first.firstAnswerSeconds)} | ${fixed(first.cpuSecondsToAnswer)} | ${fixed(first.totalResidentMiB, 0)} | ${fixed(first.stopSeconds)} | ` +
          `${fixed(second.firstAnswerSeconds)} | ${fixed(second.cpuSecondsToAnswer)} | ${fixed(second.totalResidentMiB, 0)} | ${fixed(second.stopSeconds)} | ${first.loadAverage.before[0].toFixed(2)} / ${second.loadAverage.before[0].toFixed(2)} |`,
      ),
    );
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const file = join(root, 'bench-results', `start-measure-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nwritten ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
