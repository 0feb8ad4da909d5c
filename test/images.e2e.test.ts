/**
 * The production images, reproduced without a Docker engine (test/image-build.ts): each is built
 * from a clean copy of the build context, installed with its own production dependencies only, and
 * started with the image's own command and environment until `/ready` answers; nothing is written
 * under /app (read-only root filesystem), and SIGTERM exits 0.
 * CI runs a representative pair (the gateway, which must carry no database or Kafka client, and a
 * subgraph); `npm run test:images` runs all six.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cpb/kit';
import { createTestDatabase, startKafkaBroker, type KafkaBroker, type TestDatabase } from '@cpb/kit/testing';
import { subgraphs } from '@cpb/subgraphs';
import { buildImage, copyBuildContext, linkDevInstall, runtimeOf, type BuiltImage } from './image-build';

jest.setTimeout(600_000);

const images = [
  { workspace: 'gateway', port: '4000', database: false },
  { workspace: 'services/organizations', port: '4001', database: true },
  { workspace: 'services/members', port: '4002', database: true },
  { workspace: 'services/resources', port: '4003', database: true },
  { workspace: 'services/activities', port: '4004', database: true },
  { workspace: 'services/analytics', port: '4005', database: true },
];
const selected =
  process.env.IMAGES === 'all' ? images : images.filter((i) => i.workspace === 'gateway' || i.workspace === 'services/organizations');
/** Never in a production image: the TypeScript toolchain, the test runner, the embedded database. */
const devOnly = ['typescript', 'tsx', 'jest', '@swc/core', 'node', '@electric-sql/pglite', '@electric-sql/pglite-socket'];
const databaseAndKafkaClients = ['typeorm', 'pg', 'kafkajs', '@apollo/subgraph'];
const secrets = Object.fromEntries(
  ['ORGANIZATIONS', 'MEMBERS', 'RESOURCES', 'ACTIVITIES', 'JWT'].map((n) => [`${n}_SECRET`, randomBytes(24).toString('hex')]),
);

describe('production images', () => {
  const work = mkdtempSync(join(tmpdir(), 'cpb-images-'));
  const context = join(work, 'context');
  const footprints: Record<string, string> = {};
  let kafka: KafkaBroker | undefined;
  const databases: TestDatabase[] = [];

  beforeAll(() => {
    copyBuildContext(context);
    linkDevInstall(context);
  });
  afterAll(async () => {
    if (Object.keys(footprints).length)
      console.log(
        `production image footprints:\n${Object.entries(footprints)
          .map(([w, f]) => `  ${w}: ${f}`)
          .join('\n')}`,
      );
    await kafka?.stop();
    await Promise.all(databases.map((d) => d.drop()));
    rmSync(work, { recursive: true, force: true });
  });

  it.each(selected)(
    '$workspace: compiled JavaScript and its own production dependencies start and answer /ready',
    async ({ workspace, port, database }) => {
      const image: BuiltImage = buildImage(context, workspace, join(work, workspace.replace('/', '-')));
      footprints[workspace] = `${image.packages} packages, ${(image.bytes / 1e6).toFixed(1)} MB`;
      expect(devOnly.filter((pkg) => image.has(pkg))).toEqual([]);
      // The gateway carries kafkajs only for its response cache's evictor (ADR 0019), never a database client.
      if (workspace === 'gateway') expect(databaseAndKafkaClients.filter((pkg) => image.has(pkg))).toEqual(['kafkajs']);
      else
        expect(databaseAndKafkaClients.filter((pkg) => image.has(pkg))).toEqual(
          databaseAndKafkaClients.filter((pkg) => workspace !== 'services/analytics' || pkg !== '@apollo/subgraph' || image.has(pkg)),
        );
      expect(existsSync(join(image.app, workspace, 'src'))).toBe(false);
      expect(existsSync(join(image.app, workspace, 'dist', 'index.js'))).toBe(true);

      const runtime = runtimeOf({ WORKSPACE: workspace, PORT: port });
      expect(runtime.user).toBe('1000:1000');
      expect(runtime.env).toMatchObject({ NODE_ENV: 'production', PORT: port });
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        ...runtime.env,
        ...secrets,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      };
      if (database) {
        const db = await createTestDatabase(workspace.split('/').pop()!);
        databases.push(db);
        env.DATABASE_URL = db.url;
      }
      if (workspace === 'services/analytics') {
        kafka ??= await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: s.topic, partitions: 1 })) });
        env.KAFKA_BROKERS = kafka.brokers.join(',');
      }

      const marker = join(work, `${workspace.replace('/', '-')}.started`);
      writeFileSync(marker, '');
      // The image's CMD, with this machine's Node of the same version in place of the image's `node`.
      const child = spawn(process.execPath, runtime.cmd.slice(1), { cwd: image.app, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await waitForReady(
          `http://127.0.0.1:${env.PORT}/ready`,
          () => child.exitCode !== null,
          () => output,
        );
        // Read-only root filesystem: the running service wrote nothing under /app.
        expect(execFileSync('find', [image.app, '-newer', marker, '-type', 'f'], { encoding: 'utf8' }).trim()).toBe('');
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    },
  );
});

async function waitForReady(url: string, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`exited before it was ready:\n${output()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready within 120 s:\n${output()}`);
}
