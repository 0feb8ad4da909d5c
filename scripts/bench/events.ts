/** Runs the events benchmark (scripts/bench-events.ts) as its own process and keeps its table. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EventsResult {
  ok: boolean;
  seconds: number;
  /** The events benchmark's own printed table, or why it failed. */
  output: string;
}

/** The first error line and the one after, not the whole stack and driver dump. */
function failureOf(text: string): string {
  const lines = text.split('\n');
  const at = Math.max(
    0,
    lines.findIndex((l) => /Error/.test(l)),
  );
  return lines
    .slice(at, at + 2)
    .join('\n')
    .slice(0, 500);
}

export function runEventsBenchmark(args: string[]): Promise<EventsResult> {
  const started = Date.now();
  const root = join(__dirname, '..', '..');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-events.ts'), ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) =>
      resolve({ ok: code === 0, seconds: (Date.now() - started) / 1000, output: code === 0 ? out.trim() : failureOf(`${out}\n${err}`) }),
    );
  });
}
