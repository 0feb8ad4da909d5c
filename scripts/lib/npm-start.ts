import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ProcessReport } from './startup-report';

const root = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What `npm start -- --report <file>` writes once it has answered and come to rest (scripts/start.ts). */
export interface StartReport {
  firstAnswerSeconds: number;
  preparation: { runtime: string; seconds: Record<string, number> };
  stackSeconds: number;
  launcherPid: number;
  processes: ProcessReport[];
}

export interface NpmStart {
  npm: ChildProcess;
  /** Every line npm start printed so far (stdout and stderr). */
  output: string[];
  /** Resolves with the time of the "first query answered" line, and the report written once at rest. */
  answered: Promise<{ at: number; report: StartReport }>;
  /** Resolves once npm has exited and nothing (the launcher) writes to its output any more. */
  done: Promise<void>;
}

/** Runs the real `npm start` on free ports with embedded PGlite on `dataDir`, as a newcomer would. */
export function runNpmStart(dataDir: string, reportFile: string, env: NodeJS.ProcessEnv = {}): NpmStart {
  const npm = spawn('npm', ['start', '--', '--free-ports', '--report', reportFile], {
    cwd: root,
    env: { ...process.env, ...env, EMBEDDED_DATA_DIR: dataDir, DATABASE_URL: '', PGHOST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
  const closed = [npm.stdout!, npm.stderr!].map((stream) => new Promise<void>((resolve) => stream.once('close', () => resolve())));
  const answered = new Promise<number>((resolve, reject) => {
    for (const stream of [npm.stdout!, npm.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (line.includes('first query answered after')) resolve(Date.now());
      });
    }
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before answering:\n${output.slice(-30).join('\n')}`)));
  }).then(async (at) => {
    while (!existsSync(reportFile)) await sleep(50);
    return { at, report: JSON.parse(readFileSync(reportFile, 'utf8')) as StartReport };
  });
  return { npm, output, answered, done: Promise.all([exited, ...closed]).then(() => undefined) };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves when none of `pids` runs any more. */
export async function allGone(pids: number[]): Promise<void> {
  while (pids.some(alive)) await sleep(20);
}
