import { msg } from '@cpb/kit';
import { refused, startTestSubgraph, type TestSubgraph } from '@cpb/kit/testing';
import { organizations } from '../src/server';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizations, { seedDemo: true });
});
afterAll(() => subgraph?.stop());

type Page = {
  communities: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

describe('organizations subgraph', () => {
  it('answers /health and /ready once migrations are applied', async () => {
    const base = subgraph.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('pages through communities with a cursor, without skipping or repeating', async () => {
    const query =
      'query($after: String) { communities(first: 4, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }';
    const first = await subgraph.query<Page>(query);
    const second = await subgraph.query<Page>(query, { after: first.data!.communities.pageInfo.endCursor });
    expect(first.data!.communities.totalCount).toBe(6);
    expect(first.data!.communities.edges).toHaveLength(4);
    expect(first.data!.communities.pageInfo.hasNextPage).toBe(true);
    expect(second.data!.communities.edges).toHaveLength(2);
    expect(second.data!.communities.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.data!.communities.edges, ...second.data!.communities.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(6);
  });

  it('refuses a page larger than 100 and a forged cursor with BAD_USER_INPUT naming the argument', async () => {
    const tooLarge = await subgraph.query('{ communities(first: 101) { totalCount } }');
    expect(tooLarge.errors?.[0].extensions).toEqual(refused('BAD_USER_INPUT', 'first', msg('page.first', { field: 'first', max: 100 })));
    const forged = await subgraph.query('{ communities(after: "%%%") { totalCount } }');
    expect(forged.errors?.[0].extensions).toEqual(refused('BAD_USER_INPUT', 'after', msg('page.foreignCursor', { field: 'after' })));
  });

  it('shows each community its one Party organisation, its ancestors and its resident units', async () => {
    const result = await subgraph.query<{
      streets: {
        name: string;
        workingCommittee: { kind: string };
        communities: {
          partyOrganization: { kind: string; scope: string; ancestors: { kind: string }[]; children: { kind: string }[] };
          residentUnits: { name: string }[];
          grids: { name: string }[];
        }[];
      }[];
    }>(
      '{ streets { name workingCommittee { kind } communities { partyOrganization { kind scope ancestors { kind } children { kind } } residentUnits { name } grids { name } } } }',
    );
    expect(result.errors).toBeUndefined();
    const streets = result.data!.streets;
    expect(streets).toHaveLength(2);
    for (const street of streets) {
      expect(street.workingCommittee.kind).toBe('WORKING_COMMITTEE');
      for (const community of street.communities) {
        expect(community.partyOrganization.scope).toBe('COMMUNITY');
        expect(community.partyOrganization.ancestors).toEqual([{ kind: 'WORKING_COMMITTEE' }]);
        expect(community.partyOrganization.children.filter((c) => c.kind === 'BRANCH').length).toBeGreaterThanOrEqual(3);
        expect(community.residentUnits.length).toBe(6);
        expect(community.grids.length).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('resolves entity references in one batched statement per type, whatever their number', async () => {
    const list = await subgraph.query<Page>('{ communities(first: 6) { edges { node { id } } } }');
    const representations = list.data!.communities.edges.map((e) => ({ __typename: 'Community', id: e.node.id }));
    const entities =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Community { name street { name } partyOrganization { name } } } }';
    const forOne = await subgraph.countStatements(() => subgraph.query(entities, { r: representations.slice(0, 1) }));
    let result: unknown;
    const forSix = await subgraph.countStatements(async () => (result = await subgraph.query(entities, { r: representations })));
    expect((result as { data: { _entities: unknown[] } }).data._entities).toHaveLength(6);
    expect(forSix).toBe(forOne);
    expect(forSix).toBe(3);
  });
});
