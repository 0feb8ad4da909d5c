import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface CompiledBuild {
  /** True when every package's dist/ is the compiled form of its sources now. */
  ok: boolean;
  /** Projects tsc had to (re)build: none when nothing changed since the last build. */
  built: number;
  seconds: number;
  output: string;
}

/**
 * Brings the compiled JavaScript up to date (`npm run build`: `tsc -b tsconfig.build.json`, which
 * rebuilds only the projects whose sources changed; about half a second when none did). A
 * failed build (a type error) is reported, not thrown: the caller can run the sources instead.
 */
export async function ensureCompiled(): Promise<CompiledBuild> {
  const began = Date.now();
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-b', 'tsconfig.build.json', '--verbose'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const built = output.match(/Building project/g)?.length ?? 0;
      resolve({ ok: code === 0, built, seconds: (Date.now() - began) / 1000, output });
    });
  });
}
