/**
 * The gateway swaps to a new supergraph file without a restart (a ConfigMap update), refuses one
 * that is not a valid supergraph and keeps serving the old one, and loses no request meanwhile.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql, loadConfig, mintCallerToken, type RunningServer } from '@cpb/kit';
import { startTestSubgraph, type TestSubgraph } from '@cpb/kit/testing';
import { organizations } from '@cpb/organizations';
import { composeSupergraph } from '../scripts/compose';
import { subgraphs, supergraphPath } from '../scripts/subgraphs';
import { steadyLoad, whileRequestsFlow } from './rolling';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';

/** The supergraph as it was before `Street.district` was added to organizations. */
function supergraphWithoutStreetDistrict(): string {
  return composeSupergraph((name, sdl) =>
    name === 'organizations' ? sdl.replace(/(type Street @key\(fields: "id"\)[^{]*\{[^}]*?)\n\s*district: String!/, '$1') : sdl,
  );
}

/** The gateway runs with NODE_ENV=production (where @apollo/gateway skips its own supergraph validation), which refuses development secrets. */
// Production refuses the public development keys, the caller-token key included.
const JWT_SECRET = 'hot-swap-caller-token-key-000001';
const secrets = {
  ORGANIZATIONS_SECRET: 'hot-swap-organizations-secret',
  MEMBERS_SECRET: 'hot-swap-members-secret',
  RESOURCES_SECRET: 'hot-swap-resources-secret',
  ACTIVITIES_SECRET: 'hot-swap-activities-secret',
};

describe('the gateway watching its supergraph file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-supergraph-'));
  const file = join(dir, 'supergraph.graphql');
  let subgraph: TestSubgraph;
  let gateway: RunningServer;
  let token: string;

  /** Writes the file as a ConfigMap update does: the new content appears at once, never half-written. */
  const publish = (sdl: string) => {
    writeFileSync(`${file}.next`, sdl);
    renameSync(`${file}.next`, file);
  };
  const ask = (query: string) =>
    graphql<{ streets: { name: string; district?: string }[] }>(gateway.url, query, undefined, { authorization: `Bearer ${token}` });
  const metric = async (outcome: string) => {
    const text = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    return Number(new RegExp(`supergraph_updates_total\\{outcome="${outcome}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };
  const eventually = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    process.env.APOLLO_TELEMETRY_DISABLED = '1';
    token = await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'hot-swap-test' }, { secret: JWT_SECRET });
    subgraph = await startTestSubgraph(organizations, { seedDemo: true, env: secrets });
    publish(supergraphWithoutStreetDistrict());
    gateway = await startGateway(
      loadConfig(gatewayEnvSchema, {
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        PORT: '0',
        HOST: '127.0.0.1',
        SUPERGRAPH_PATH: file,
        SUPERGRAPH_POLL_MS: '100',
        ORGANIZATIONS_URL: subgraph.url,
        JWT_SECRET,
        ...secrets,
      }),
    );
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the old supergraph when the new file is invalid, then swaps to a valid one under load: no failed request, the new field answers', async () => {
    const before = await ask('{ streets { name district } }');
    expect(before.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const load = steadyLoad(async () => {
      const answer = await ask('{ streets { name } }');
      return answer.errors?.length ? JSON.stringify(answer.errors[0]) : answer.data?.streets.length ? undefined : 'no streets';
    });
    await whileRequestsFlow(load.completed);

    // A file that parses but is no supergraph (a subgraph's own SDL pasted by mistake).
    publish(readFileSync(subgraphs[0].schemaPath, 'utf8'));
    await eventually(async () => (await metric('rejected')) === 1);
    await whileRequestsFlow(load.completed);
    expect((await ask('{ streets { name district } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    publish(readFileSync(supergraphPath, 'utf8'));
    await eventually(async () => !(await ask('{ streets { district } }')).errors);
    await whileRequestsFlow(load.completed);
    const result = await load.stop();

    expect({ failed: result.failed, failures: result.failures }).toEqual({ failed: 0, failures: [] });
    expect(await metric('applied')).toBe(1);
    const after = await ask('{ streets { name district } }');
    expect(after.errors).toBeUndefined();
    expect(after.data!.streets.length).toBeGreaterThan(0);
    expect(after.data!.streets.every((s) => typeof s.district === 'string' && s.district.length > 0)).toBe(true);
  });
});
