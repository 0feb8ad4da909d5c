import { communityOverviewQuery } from '../scripts/lib/sample-query';
import { type Federation, startFederation } from '@cpb/kit/testing';

let federation: Federation;
let communityIds: string[];

beforeAll(async () => {
  federation = await startFederation();
  const list = await federation.query<{ communities: { edges: { node: { id: string } }[] } }>(
    '{ communities(first: 10) { edges { node { id } } } }',
  );
  communityIds = list.data!.communities.edges.map((e) => e.node.id);
});
afterAll(() => federation?.stop());

type Overview = {
  community: {
    name: string;
    street: { name: string };
    partyOrganization: { name: string; kind: string; memberCount: number };
    residentUnits: { name: string; resources: { name: string; kind: string }[] }[];
    activities: { edges: { node: { title: string; startsAt: string } }[] };
  };
};

describe('one graph across four subgraphs', () => {
  it('answers the community overview with data from all four services', async () => {
    const result = await federation.query<Overview>(communityOverviewQuery, { id: communityIds[0] });
    expect(result.errors).toBeUndefined();
    const community = result.data!.community;
    expect(community.name).toMatch(/社区$/);
    expect(community.street.name).toMatch(/街道$/);
    expect(community.partyOrganization.kind).toBe('COMMITTEE');
    expect(typeof community.partyOrganization.memberCount).toBe('number');
    expect(community.residentUnits).toHaveLength(6);
    expect(community.residentUnits.flatMap((u) => u.resources).length).toBeGreaterThan(0);
    expect(community.activities.edges).toHaveLength(5);
    const starts = community.activities.edges.map((e) => Date.parse(e.node.startsAt));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
  });

  it('counts members of an organisation in the members subgraph', async () => {
    const result = await federation.query<{
      communities: {
        edges: { node: { partyOrganization: { children: { name: string; memberCount: number; fullMemberCount: number }[] } } }[];
      };
    }>('{ communities(first: 1) { edges { node { partyOrganization { children { name memberCount fullMemberCount } } } } } }');
    const branches = result.data!.communities.edges[0].node.partyOrganization.children;
    expect(branches.reduce((sum, b) => sum + b.memberCount, 0)).toBeGreaterThan(20);
    for (const branch of branches) expect(branch.fullMemberCount).toBeLessThanOrEqual(branch.memberCount);
  });

  it('resolves member references from the members subgraph back into organizations', async () => {
    const result = await federation.query<{
      members: {
        totalCount: number;
        edges: { node: { name: string; organization: { name: string; kind: string }; residenceCommunity: { name: string } } }[];
      };
    }>('{ members(first: 5) { totalCount edges { node { name organization { name kind } residenceCommunity { name } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.members.totalCount).toBe(600);
    for (const edge of result.data!.members.edges) {
      expect(edge.node.organization.name.length).toBeGreaterThan(0);
      expect(edge.node.residenceCommunity.name).toMatch(/社区$/);
    }
  });

  it('sends the same number of SQL statements to each service for 1 community as for 6 (no N+1)', async () => {
    const query = `query($first: Int) { communities(first: $first) { edges { node {
      name street { name } partyOrganization { name kind memberCount children { name memberCount } }
      residentUnits { name partyOrganization { name } resources { name provider { name } } }
      activities(first: 5) { edges { node { title organizer { name } } } } } } } }`;
    const small = await federation.statementsPerService(() => federation.query(query, { first: 1 }));
    const large = await federation.statementsPerService(() => federation.query(query, { first: 6 }));
    expect(large.organizations).toBe(small.organizations);
    expect(large.members).toBe(small.members);
    expect(large.resources).toBe(small.resources);
    expect(large.activities).toBe(small.activities);
  });

  it('keeps the request id the caller sent on every subgraph fetch', async () => {
    const result = await federation.query('{ streets { name } }', undefined, { 'x-request-id': 'dashboard-42' });
    expect(result.errors).toBeUndefined();
  });
});
