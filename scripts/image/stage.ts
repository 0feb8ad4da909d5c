/**
 * The build step of every production image (infra/docker/Dockerfile runs it; test/images.e2e.test.ts
 * runs it the same way into a clean folder): compiles one workspace and the workspaces it depends
 * on to JavaScript, then lays out in `<out>`:
 *   manifests/  root package.json and package-lock.json pruned to those workspaces, and their
 *               package.json files: `npm ci --omit=dev` there installs that service's production
 *               dependencies only, and the layer is rebuilt only when they change
 *   app/        the same package.json files with the compiled `dist/`, the files each package lists,
 *               and the repository files it reads at run time (schemas)
 * Usage: tsx scripts/image/stage.ts <workspace folder, e.g. services/organizations> <out folder>
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

interface Manifest {
  name: string;
  main?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  files?: string[];
  workspaces?: string[];
  engines?: Record<string, string>;
}

/** Repository files (outside any package) a workspace reads at run time. */
const repositoryFiles: Record<string, string[]> = {
  // Events are validated against their JSON Schemas before they are written or applied.
  // The registered operations name the operation label of the metrics.
  '@cpb/kit': ['schemas/events', 'schemas/operations'],
  // The dashboard's static build is served by the gateway, with the trusted documents it was built from.
  '@cpb/gateway': ['schemas/supergraph.graphql', 'schemas/trusted-documents.json', 'services/dashboard/dist'],
};

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const write = (path: string, value: unknown) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};

/** The workspace and every workspace it depends on (dependencies and peers), dependencies first. */
export function workspaceClosure(root: string, workspace: string): string[] {
  const rootManifest = read(join(root, 'package.json'));
  const byName = new Map((rootManifest.workspaces ?? []).map((dir) => [read(join(root, dir, 'package.json')).name, dir]));
  const order: string[] = [];
  const visit = (dir: string) => {
    if (order.includes(dir)) return;
    const manifest = read(join(root, dir, 'package.json'));
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      const local = byName.get(name);
      // An optional peer is only part of the image when something in it depends on it for real.
      if (local && manifest.dependencies?.[name]) visit(local);
    }
    order.push(dir);
  };
  visit(workspace);
  return order;
}

export function stageImage(root: string, workspace: string, out: string, options: { build?: boolean } = {}): { workspaces: string[] } {
  const workspaces = workspaceClosure(root, workspace);
  if (options.build !== false) {
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b', join(workspace, 'tsconfig.build.json')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (read(join(root, workspace, 'package.json')).name === '@cpb/gateway')
      execFileSync('npm', ['run', 'build', '--workspace', '@cpb/dashboard'], { cwd: root, stdio: 'inherit' });
  }
  rmSync(out, { recursive: true, force: true });
  const rootManifest = read(join(root, 'package.json'));
  const entry = read(join(root, workspace, 'package.json'));
  // `node .` in the image starts the service: `main` points at its compiled entry point.
  const imageRoot = {
    name: `${entry.name.replace(/^@cpb\//, 'cpb-')}-image`,
    private: true,
    main: `${workspace}/dist/index.js`,
    engines: rootManifest.engines,
    workspaces,
  };
  for (const folder of ['manifests', 'app']) {
    write(join(out, folder, 'package.json'), imageRoot);
    for (const dir of workspaces) cpSync(join(root, dir, 'package.json'), join(out, folder, dir, 'package.json'));
  }
  cpSync(join(root, 'package-lock.json'), join(out, 'manifests', 'package-lock.json'));
  // npm drops from the lockfile whatever the pruned workspaces no longer need; nothing is fetched.
  execFileSync('npm', ['install', '--package-lock-only', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: join(out, 'manifests'),
    stdio: 'inherit',
  });
  for (const dir of workspaces) {
    const manifest = read(join(root, dir, 'package.json'));
    for (const file of manifest.files ?? []) {
      if (existsSync(join(root, dir, file)))
        cpSync(join(root, dir, file), join(out, 'app', dir, file), { recursive: true, filter: (src) => !src.endsWith('.tsbuildinfo') });
    }
    for (const file of repositoryFiles[manifest.name] ?? []) cpSync(join(root, file), join(out, 'app', file), { recursive: true });
  }
  return { workspaces };
}

if (require.main === module) {
  const [workspace, out] = process.argv.slice(2);
  if (!workspace || !out) {
    console.error('usage: tsx scripts/image/stage.ts <workspace folder> <out folder>');
    process.exit(2);
  }
  const root = resolve(__dirname, '..', '..');
  const { workspaces } = stageImage(root, workspace, resolve(out));
  console.log(`staged ${workspace} (${workspaces.join(', ')}) in ${out}`);
}
