import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, graphql, mintCallerToken } from '@cpb/kit';
import { TEST_SERVER_URL } from '@cpb/kit/testing';
import { allGone, runNpmStart } from '../scripts/lib/npm-start';
import { communityOverviewQuery, firstCommunityQuery } from '../scripts/lib/sample-query';
import { serviceDatabaseUrl, startStack, type Stack } from '../scripts/lib/stack';
import { subgraphs } from '../scripts/subgraphs';

jest.setTimeout(240_000);

type First = { communities: { edges: { node: { id: string; name: string } }[] } };
type Overview = {
  community: {
    name: string;
    partyOrganization: { memberCount: number | null };
    residentUnits: { name: string; resources: unknown[] | null }[];
    activities: { edges: unknown[] } | null;
  } | null;
};

const admin = async () => ({ authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'e2e' })}` });

async function firstCommunityId(stack: Stack): Promise<string> {
  const result = await graphql<First>(stack.gatewayUrl, firstCommunityQuery, undefined, await admin());
  return result.data!.communities.edges[0].node.id;
}

describe('the whole system as real processes on the Postgres server', () => {
  const prefix = `t_e2e_${randomBytes(3).toString('hex')}_`;
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      serverUrl: TEST_SERVER_URL,
      databasePrefix: prefix,
      ports: 'free',
      env: { LOG_LEVEL: 'warn', APOLLO_TELEMETRY_DISABLED: '1' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await Promise.all(subgraphs.map((s) => dropDatabase(serviceDatabaseUrl(TEST_SERVER_URL, `${prefix}${s.name}`))));
  });

  it('answers the cross-subgraph community query through the gateway', async () => {
    const result = await graphql<Overview>(stack.gatewayUrl, communityOverviewQuery, { id: await firstCommunityId(stack) }, await admin());
    expect(result.errors).toBeUndefined();
    expect(result.data!.community!.residentUnits.length).toBe(6);
    expect(result.data!.community!.residentUnits.some((u) => (u.resources ?? []).length > 0)).toBe(true);
    expect(result.data!.community!.activities!.edges).toHaveLength(5);
  });

  it("keeps serving when a subgraph dies: other fields answer, the dead one's fields are null with an error", async () => {
    const id = await firstCommunityId(stack);
    const resources = stack.services.find((s) => s.name === 'resources')!;
    resources.child.process.kill('SIGKILL');
    await resources.child.exited;

    const untouched = await graphql<First>(stack.gatewayUrl, firstCommunityQuery, undefined, await admin());
    expect(untouched.errors).toBeUndefined();
    expect(untouched.data!.communities.edges).toHaveLength(1);

    const partial = await graphql<Overview>(stack.gatewayUrl, communityOverviewQuery, { id }, await admin());
    expect(partial.data!.community!.name).toMatch(/社区$/);
    expect(partial.data!.community!.activities!.edges).toHaveLength(5);
    expect(partial.data!.community!.residentUnits.every((u) => u.resources === null)).toBe(true);
    expect(partial.errors!.length).toBeGreaterThan(0);
    expect((await fetch(stack.gatewayUrl.replace('/graphql', '/health'))).status).toBe(200);
  });

  it('stops every process cleanly on SIGTERM (exit code 0)', async () => {
    const running = [stack.gateway, ...stack.services.map((s) => s.child)].filter(
      (c) => c.process.exitCode === null && c.process.signalCode === null,
    );
    await stack.stop();
    for (const child of running) expect(await child.exited).toBe(0);
  });
});

describe('the whole system on embedded PGlite, with no Postgres server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cpb-embedded-'));
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      ports: 'free',
      env: { EMBEDDED_DATA_DIR: dataDir, LOG_LEVEL: 'warn', APOLLO_TELEMETRY_DISABLED: '1', DATABASE_URL: '' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo district and answers the cross-subgraph query', async () => {
    const result = await graphql<Overview>(stack.gatewayUrl, communityOverviewQuery, { id: await firstCommunityId(stack) }, await admin());
    expect(result.errors).toBeUndefined();
    expect(result.data!.community!.residentUnits.length).toBe(6);
    expect(result.data!.community!.activities!.edges).toHaveLength(5);
  });
});

describe('npm start as a newcomer runs it (embedded PGlite, compiled JavaScript)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cpb-npm-start-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('answers the sample query, prints its time and resident memory, and SIGTERM to npm stops every process cleanly', async () => {
    const start = runNpmStart(join(folder, 'data'), join(folder, 'report.json'));
    const { report } = await start.answered;
    const printed = start.output.join('\n');
    expect(printed).toMatch(/first query answered after [\d.]+ s/);
    expect(printed).toMatch(
      /resident memory \d+ MiB: organizations \d+, members \d+, resources \d+, activities \d+, gateway \d+, this launcher \d+ \(at rest, 15 s after the first answer\)/,
    );
    expect(printed).toMatch(/Answer \(abridged\): \{"data":\{"community":\{"name":"[^"]+社区"/);
    expect(report.preparation.runtime).toBe('compiled');
    expect(report.processes.map((p) => p.name)).toEqual(['organizations', 'members', 'resources', 'activities', 'gateway']);
    for (const p of report.processes.slice(0, 4))
      expect(Object.keys(p.phases)).toEqual(['load', 'database', 'migrations', 'seed', 'server']);

    // npm runs the launcher under sh, which dies of SIGTERM without passing it on: nothing may be left running.
    start.npm.kill('SIGTERM');
    await allGone([report.launcherPid, ...report.processes.map((p) => p.pid)]);
    await start.done;
    expect(start.output).toContainEqual(expect.stringMatching(/^stopped in [\d.]+ s: every process exited cleanly$/));
  });
});
