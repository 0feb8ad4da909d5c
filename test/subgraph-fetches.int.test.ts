import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphs as subgraphList } from '@cpb/subgraphs';
import { DEMO_MEMBERS } from '@cpb/demo-world';
import { loadConfig, type RunningServer } from '@cpb/kit';
import { graphql, metricValue, scrape, startFederation, type Federation } from '@cpb/kit/testing';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';
import { planShape } from '../gateway/src/entity-batching/plan-shape';
import { apolloPlanner } from '../scripts/bench/plans';
import { loadOperations, variablePools } from '../scripts/bench/operations';

/**
 * Subgraph requests per benchmark operation (issue 15): the gateway merges the entity fetches one
 * request makes to one subgraph at the same step of its plan (gateway/src/entity-batching/), so it sends
 * what the Hive router's planner sends (organization-subtree 3 instead of @apollo/gateway's 5,
 * member-list 2 instead of 3), and answers exactly what the unmerged plan answers. Counted from the
 * gateway's own fetch metric (one sample per HTTP request it sends); no timing.
 */

const sdl = readFileSync(join(__dirname, '..', 'schemas', 'supergraph.graphql'), 'utf8');
const plan = apolloPlanner(sdl);
const operations = loadOperations();
const pools = variablePools(operations, DEMO_MEMBERS, 3);

let federation: Federation;
let unmerged: RunningServer;
let headers: Record<string, string>;

beforeAll(async () => {
  federation = await startFederation();
  headers = await federation.asAdmin();
  // A second gateway on the same subgraphs that sends each fetch of the plan on its own, as @apollo/gateway does.
  unmerged = await startGateway(
    loadConfig(gatewayEnvSchema, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      ENTITY_FETCH_BATCHING: 'false',
      ...Object.fromEntries(subgraphList.map((s) => [s.urlVariable, federation.subgraphs[s.name].url])),
    }),
  );
});
afterAll(async () => {
  await unmerged?.stop();
  await federation?.stop();
});

/** HTTP requests the gateway at `url` sent to each subgraph while answering one request. */
async function requestsPerSubgraph(url: string, body: { query: string; variables: Record<string, unknown> }) {
  const base = url.replace(/\/graphql$/, '');
  const count = (text: string, subgraph: string) => metricValue(text, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph });
  const before = await scrape(base);
  const answer = await graphql(url, body.query, body.variables, headers);
  const after = await scrape(base);
  const sent = Object.fromEntries(subgraphList.map((s) => [s.name, count(after, s.name) - count(before, s.name)]));
  return { answer, sent: Object.fromEntries(Object.entries(sent).filter(([, n]) => n > 0)) };
}

describe('subgraph requests per benchmark operation', () => {
  it('the plans: organization-subtree and member-list merge their sibling entity fetches, as the Hive router does', () => {
    const shapes = Object.fromEntries(operations.map((op) => [op.name, planShape(plan(op.query, op.operationName))]));
    expect(Object.fromEntries(Object.entries(shapes).map(([op, s]) => [op, [s.fetches, s.requests]]))).toEqual({
      'community-overview': [4, 4],
      'member-list': [3, 2],
      'organization-subtree': [5, 3],
      'resource-utilization': [2, 2],
      'street-life-ranking': [1, 1],
      'volunteer-stats': [3, 3],
    });
    expect(shapes['organization-subtree'].perSubgraph).toEqual({ organizations: 2, members: 1 });
  });

  it.each(operations.map((op) => op.name))(
    '%s: the gateway sends the merged plan’s requests and answers what the unmerged plan answers',
    async (name) => {
      const op = operations.find((o) => o.name === name)!;
      const shape = planShape(plan(op.query, op.operationName));
      for (const body of pools.get(name)!) {
        const merged = await requestsPerSubgraph(federation.gatewayUrl, body);
        const separate = await requestsPerSubgraph(unmerged.url, body);
        expect(merged.answer.errors).toBeUndefined();
        expect(merged.answer.data).toEqual(separate.answer.data);
        expect(merged.sent).toEqual(shape.perSubgraph);
        expect(Object.values(separate.sent).reduce((a, b) => a + b, 0)).toBe(shape.fetches);
      }
    },
  );
});
