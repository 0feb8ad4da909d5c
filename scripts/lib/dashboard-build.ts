import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sourcesHash } from './sources-hash';

const root = join(__dirname, '..', '..');
export const dashboardDir = join(root, 'services', 'dashboard');
export const dashboardDist = join(dashboardDir, 'dist');
const stamp = join(dashboardDist, '.sources-sha256');

/** Everything the build reads: a change to any of it makes the build stale. */
const inputs = [
  join(dashboardDir, 'src'),
  join(dashboardDir, 'public'),
  join(dashboardDir, 'index.html'),
  join(dashboardDir, 'vite.config.ts'),
  join(dashboardDir, 'package.json'),
  join(root, 'schemas', 'operations'),
  join(root, 'scripts', 'lib', 'trusted-documents.ts'),
];

/**
 * Builds the dashboard (vite build) unless dist/ was built from the same sources, so `npm start`
 * and the browser tests work on a fresh clone and cost nothing when nothing changed.
 */
export async function ensureDashboardBuilt(echo: (line: string) => void = () => {}): Promise<boolean> {
  const sources = sourcesHash(root, inputs);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sources) return false;
  echo('building the dashboard (vite build)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: dashboardDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${output}`))));
  });
  writeFileSync(stamp, sources);
  return true;
}

/** The JavaScript a browser downloads: bytes and gzipped bytes of dist/assets/*.js. */
export function shippedJavaScript(): { files: number; bytes: number; gzipBytes: number } {
  const scripts = readdirSync(join(dashboardDist, 'assets')).filter((name) => name.endsWith('.js'));
  let bytes = 0;
  let gzipBytes = 0;
  for (const name of scripts) {
    const content = readFileSync(join(dashboardDist, 'assets', name));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: scripts.length, bytes, gzipBytes };
}
