import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '@cpb/kit';
import { TEST_SERVER_URL } from '@cpb/kit/testing';
import { serviceDatabaseUrl } from '../scripts/lib/stack';
import { subgraphs } from '../scripts/subgraphs';

// Four targets now (Hive Gateway starts twice: with the Rust planner and without).
jest.setTimeout(240_000);

const root = join(__dirname, '..');

/** Runs the benchmark as `npm run bench -- --quick` would, with tiny durations; no timing is asserted. */
function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'index.ts'), ...args], {
      cwd: root,
      env: { ...process.env, BENCH_DATABASE_URL: TEST_SERVER_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the benchmark (npm run bench -- --quick)', () => {
  const prefix = `t_bench_${randomBytes(3).toString('hex')}_`;
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-'));
  afterAll(async () => {
    await Promise.all(subgraphs.map((s) => dropDatabase(serviceDatabaseUrl(TEST_SERVER_URL, `${prefix}${s.name}`))));
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds, drives our gateway, Hive Gateway (Rust planner and JavaScript planner) and the direct path, and writes the JSON with every target', async () => {
    const out = join(dir, 'result.json');
    const { code, output } = await runBench([
      '--quick',
      '--duration',
      '1',
      '--warmup',
      '1',
      '--pool',
      '5',
      '--direct-sample',
      '2',
      '--prefix',
      prefix,
      '--no-events',
      '--out',
      out,
    ]);
    expect({ code, tail: code === 0 ? '' : output.slice(-3000) }).toEqual({ code: 0, tail: '' });

    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      scenarios: Record<string, Record<string, { requests: number }>>;
      statements: Record<string, Record<string, number>>;
    };
    expect(Object.keys(result.scenarios.overall).sort()).toEqual(['direct', 'hive', 'hive-router', 'ours']);
    for (const target of ['ours', 'hive-router', 'hive', 'direct']) expect(result.scenarios.overall[target].requests).toBeGreaterThan(0);
    expect(Object.keys(result.statements).length).toBeGreaterThan(0);
  });
});
