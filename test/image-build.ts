/**
 * Reproduces infra/docker/Dockerfile without a Docker engine: the build context as .dockerignore
 * leaves it, the build stage's dev install (linked from this checkout's node_modules, which
 * `npm ci` made from the same lockfile), the stage step, the deps stage's production install from
 * the pruned lockfile (offline, from npm's cache), and the runtime stage's ENV and CMD.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stageImage } from '../scripts/image/stage';

export const repositoryRoot = join(__dirname, '..');
export const dockerfilePath = join(repositoryRoot, 'infra', 'docker', 'Dockerfile');

/** The build context `COPY . .` sees: the files .dockerignore does not exclude. */
export function copyBuildContext(to: string): void {
  const patterns = readFileSync(join(repositoryRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const ignored = (path: string) =>
    patterns.some((pattern) => {
      if (pattern.startsWith('**/')) {
        const tail = pattern.slice(3);
        return tail.startsWith('*.') ? path.endsWith(tail.slice(1)) : path.split('/').includes(tail);
      }
      return path === pattern || path.startsWith(`${pattern}/`);
    });
  cpSync(repositoryRoot, to, { recursive: true, filter: (src) => src === repositoryRoot || !ignored(relative(repositoryRoot, src)) });
}

/**
 * The build stage's `npm ci`: every package linked from this checkout's node_modules, except the
 * workspace links, which point into the copied context (so the build compiles the copied sources).
 */
export function linkDevInstall(context: string): void {
  const modules = join(repositoryRoot, 'node_modules');
  mkdirSync(join(context, 'node_modules', '@cpb'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry === '@cpb') continue;
    symlinkSync(join(modules, entry), join(context, 'node_modules', entry));
  }
  for (const entry of readdirSync(join(modules, '@cpb'))) {
    const workspace = relative(repositoryRoot, execFileSync('readlink', ['-f', join(modules, '@cpb', entry)], { encoding: 'utf8' }).trim());
    symlinkSync(join('..', '..', workspace), join(context, 'node_modules', '@cpb', entry));
    // Versions a workspace needs that differ from the hoisted ones (the kit's ajv 8) sit in its own node_modules.
    if (existsSync(join(repositoryRoot, workspace, 'node_modules')))
      symlinkSync(join(repositoryRoot, workspace, 'node_modules'), join(context, workspace, 'node_modules'));
  }
}

export interface BuiltImage {
  app: string;
  /** Production packages installed, and the size on disk of /app (dependencies and compiled code). */
  packages: number;
  bytes: number;
  has(pkg: string): boolean;
}

/** Stage and deps stages for one workspace: `<out>/app` is what the runtime image holds in /app. */
export function buildImage(context: string, workspace: string, out: string): BuiltImage {
  stageImage(context, workspace, out);
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: join(out, 'manifests'),
    stdio: 'pipe',
  });
  const app = join(out, 'app');
  // COPY --from=deps /app/ then COPY --from=build /out/app/: the install (nested node_modules too), then the compiled packages.
  const runtime = join(out, 'runtime');
  execFileSync('cp', ['-a', join(out, 'manifests'), runtime]);
  execFileSync('cp', ['-a', `${app}/.`, runtime]);
  const lock = JSON.parse(readFileSync(join(out, 'manifests', 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { link?: boolean }>;
  };
  const installed = Object.entries(lock.packages).filter(([path, entry]) => path.includes('node_modules/') && !entry.link);
  return {
    app: runtime,
    packages: installed.length,
    bytes: Number(execFileSync('du', ['-sb', runtime], { encoding: 'utf8' }).split('\t')[0]),
    has: (pkg) => {
      try {
        return statSync(join(runtime, 'node_modules', pkg)).isDirectory();
      } catch {
        return false;
      }
    },
  };
}

/** The runtime stage's ENV (with ARG defaults and the given build args) and exec-form CMD. */
export function runtimeOf(buildArgs: Record<string, string>): { env: Record<string, string>; cmd: string[]; user: string } {
  const text = readFileSync(dockerfilePath, 'utf8').replace(/\\\n/g, ' ');
  const runtime = text.slice(text.lastIndexOf('\nFROM '));
  const args: Record<string, string> = {};
  for (const [, name, value] of runtime.matchAll(/^ARG (\w+)(?:=(\S+))?$/gm)) args[name] = buildArgs[name] ?? value ?? '';
  const substitute = (value: string) => value.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? '');
  const env: Record<string, string> = {};
  for (const [, pairs] of runtime.matchAll(/^ENV (.+)$/gm))
    for (const [, name, value] of pairs.matchAll(/(\w+)=(\S+)/g)) env[name] = substitute(value);
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]) as string[];
  const user = /^USER (\S+)$/m.exec(runtime)![1];
  return { env, cmd, user };
}
