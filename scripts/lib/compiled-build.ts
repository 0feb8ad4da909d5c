import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sourcesHash } from './sources-hash';

const root = join(__dirname, '..', '..');

/** The packages the stack runs, each with its tsconfig.build.json and dist/. */
const PACKAGES = [
  'services/subgraphs',
  'services/demo-world',
  'services/kit',
  'services/organizations',
  'services/members',
  'services/resources',
  'services/activities',
  'gateway',
];
const stamp = join(root, 'node_modules', '.cache', 'cpb-start', 'compiled-sources.sha256');
/** The sources, their build settings, and the transpiler with its pinned swc (root package.json). */
const inputs = [
  join(root, 'tsconfig.base.json'),
  join(root, 'package.json'),
  join(root, 'scripts', 'transpile.ts'),
  ...PACKAGES.flatMap((p) => [join(root, p, 'src'), join(root, p, 'tsconfig.build.json'), join(root, p, 'package.json')]),
];

export interface CompiledBuild {
  /** True when every package's dist/ holds the JavaScript of its sources now. */
  ok: boolean;
  /** Whether the sources had to be transpiled now (they changed, or nothing was compiled yet). */
  built: boolean;
  seconds: number;
  output: string;
}

/**
 * Brings the JavaScript the stack runs up to date with the sources: transpiled file by file
 * (scripts/transpile.ts, about a second) when any source changed since the last time, nothing
 * otherwise. A failed transpile (a syntax error) is reported, not thrown: the caller can run
 * the sources through tsx instead, which will then say where the error is.
 */
export async function ensureCompiled(): Promise<CompiledBuild> {
  const began = Date.now();
  const sources = sourcesHash(root, inputs);
  const current = existsSync(stamp) && readFileSync(stamp, 'utf8') === sources && PACKAGES.every((p) => existsSync(join(root, p, 'dist')));
  if (current) return { ok: true, built: false, seconds: 0, output: '' };
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(root, 'scripts', 'transpile.ts'), ...PACKAGES], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve({ code: exitCode, output: text }));
  });
  if (code === 0) {
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, sources);
  }
  return { ok: code === 0, built: true, seconds: (Date.now() - began) / 1000, output };
}

/**
 * How a measuring script runs the stack: compiled JavaScript by default, as the production image runs it
 * (no tsx loader or esbuild resident, no loader hooks on a require at run time); `tsx` runs the sources.
 */
export async function chooseRuntime(asked: string | true | undefined, log: (line: string) => void): Promise<'tsx' | 'compiled'> {
  if (asked === 'tsx') return 'tsx';
  const build = await ensureCompiled();
  if (!build.ok) throw new Error(`the sources do not compile: ${build.output}`);
  log(`runtime: compiled${build.built ? ` (transpiled in ${build.seconds.toFixed(1)} s)` : ''}`);
  return 'compiled';
}
