import { type Federation, startFederation } from '@cpb/kit/testing';
import { branchOf, type Seeded, seeded } from '@cpb/demo-world/testing';

let federation: Federation;
let world: Seeded;

beforeAll(async () => {
  federation = await startFederation();
  world = await seeded(federation);
});
afterAll(() => federation?.stop());

type Node = {
  id: string;
  name: string;
  status: string;
  category: string;
  skills: string[];
  organization: { id: string };
  residenceCommunity: { id: string } | null;
  workUnit: { id: string } | null;
};
type Connection = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] };

const list = `query($filter: MemberFilter, $first: Int, $after: String) { members(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name status category skills organization { id } residenceCommunity { id } workUnit { id } } } } }`;

async function members(filter: Record<string, unknown>, first = 100, after?: string | null): Promise<Connection> {
  const result = await federation.query<{ members: Connection }>(list, { filter, first, after });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.members;
}

async function counts(id: string): Promise<{ memberCount: number; directMemberCount: number }> {
  const result = await federation.query<{ organization: { memberCount: number; directMemberCount: number } }>(
    'query($id: ID!) { organization(id: $id) { memberCount directMemberCount } }',
    { id },
  );
  return result.data!.organization;
}

describe('member lists and filters, through the gateway', () => {
  it('filters by the organisation holding the relationship, or by its whole subtree with includeDescendants', async () => {
    const community = world.communities[0].partyOrganization.id;
    const branch = branchOf(world.communities[0], 0).id;
    const direct = await members({ organizationId: branch });
    expect(direct.totalCount).toBe((await counts(branch)).directMemberCount);
    expect(direct.totalCount).toBeGreaterThan(0);
    for (const edge of direct.edges) expect(edge.node.organization.id).toBe(branch);

    const subtree = await members({ organizationId: community, includeDescendants: true });
    expect(subtree.totalCount).toBe((await counts(community)).memberCount);
    expect(subtree.totalCount).toBeGreaterThan(direct.totalCount);
    const street = await members({ organizationId: world.streetCommittee.id, includeDescendants: true }, 1);
    expect(street.totalCount).toBe((await counts(world.streetCommittee.id)).memberCount);
  });

  it('refuses an unknown organisation with includeDescendants (NOT_FOUND) and a malformed one (BAD_USER_INPUT)', async () => {
    const unknown = await federation.query(list, {
      filter: { organizationId: '00000000-0000-4000-8000-000000000000', includeDescendants: true },
    });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
    const malformed = await federation.query(list, { filter: { organizationId: 'x' } });
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.organizationId' });
  });

  it('filters by status, category, skill, residence community and name fragment', async () => {
    for (const edge of (await members({ status: 'PROBATIONARY' })).edges) expect(edge.node.status).toBe('PROBATIONARY');
    const migrants = await members({ category: 'MIGRANT' });
    expect(migrants.totalCount).toBeGreaterThan(0);
    for (const edge of migrants.edges) expect(edge.node.category).toBe('MIGRANT');
    const legal = await members({ skill: 'LEGAL' });
    expect(legal.totalCount).toBeGreaterThan(0);
    for (const edge of legal.edges) expect(edge.node.skills).toContain('LEGAL');
    const residents = await members({ communityId: world.communities[1].id, category: 'EMPLOYED' });
    for (const edge of residents.edges)
      expect(edge.node).toMatchObject({ category: 'EMPLOYED', residenceCommunity: { id: world.communities[1].id } });
    const named = await members({ nameContains: '建' });
    expect(named.totalCount).toBeGreaterThan(0);
    for (const edge of named.edges) expect(edge.node.name).toContain('建');
    expect((await members({ nameContains: '%' })).totalCount).toBe(0);
  });

  it('pages with cursors: every member of a filter exactly once, in name order', async () => {
    const filter = { communityId: world.communities[2].id };
    const all = await members(filter);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Connection = await members(filter, 7, after);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    const names = all.edges.map((e) => e.node.name);
    expect([...names].sort()).toEqual(names);
  });

  it('bounds first to 1-100 (BAD_USER_INPUT on first)', async () => {
    for (const first of [0, 101]) {
      const result = await federation.query(list, { filter: {}, first });
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it("lists an organisation's members (Organization.members, also FULL only) and a unit's (ResidentUnit.members)", async () => {
    const community = world.communities[0];
    const result = await federation.query<{ organization: { memberCount: number; members: Connection; full: Connection } }>(
      `query($id: ID!) { organization(id: $id) { memberCount
         members(includeDescendants: true, first: 100) { totalCount edges { node { id } } }
         full: members(includeDescendants: true, status: FULL, first: 100) { totalCount edges { node { status } } } } }`,
      { id: community.partyOrganization.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.organization.members.totalCount).toBe(result.data!.organization.memberCount);
    for (const edge of result.data!.organization.full.edges) expect(edge.node.status).toBe('FULL');

    const unit = await federation.query<{ residentUnit: { members: Connection } }>(
      'query($id: ID!) { residentUnit(id: $id) { members(first: 100) { totalCount edges { node { workUnit { id } } } } } }',
      { id: community.residentUnits[0].id },
    );
    expect(unit.data!.residentUnit.members.totalCount).toBeGreaterThan(0);
    for (const edge of unit.data!.residentUnit.members.edges) expect(edge.node.workUnit!.id).toBe(community.residentUnits[0].id);
  });
});

describe('no N+1: SQL statements per service do not grow with the page size', () => {
  it('members(first: 10 vs 100) { organization { name parent { name } } workUnit { name } }', async () => {
    const query =
      'query($first: Int) { members(first: $first) { edges { node { name organization { name parent { name } } workUnit { name } } } } }';
    const sizes: Record<string, Record<string, number>> = {};
    for (const first of [10, 100]) {
      let result: Awaited<ReturnType<Federation['query']>> | undefined;
      sizes[first] = await federation.statementsPerService(async () => (result = await federation.query(query, { first })));
      expect(result!.errors).toBeUndefined();
    }
    console.info(
      `statements per service for the members page: first 10 ${JSON.stringify(sizes[10])}, first 100 ${JSON.stringify(sizes[100])}`,
    );
    expect(sizes[100]).toEqual(sizes[10]);
    // One statement: the page. Its total is counted only when `totalCount` is selected (issue 15).
    expect(sizes[10].members).toBe(1);
  });

  it('per-parent lists and the census for 1 community and for 6', async () => {
    const query = `query($first: Int) { communities(first: $first) { edges { node {
      census { members activists }
      registeredMembers(first: 5) { totalCount edges { node { name registrations { feedback { rating } } } } }
      partyOrganization { members(includeDescendants: true, first: 5) { totalCount edges { node { name transfers { status } } } } }
      residentUnits { members(first: 3) { totalCount edges { node { name } } } } } } } }`;
    const one = await federation.statementsPerService(() => federation.query(query, { first: 1 }));
    const six = await federation.statementsPerService(() => federation.query(query, { first: 6 }));
    expect(six).toEqual(one);
  });
});
