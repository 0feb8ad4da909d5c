import { mintCallerToken } from '@cpb/kit';
import { type Federation, refusal, startFederation } from '@cpb/kit/testing';
import { type CommunityFixture, firstCommunity } from '@cpb/demo-world/testing';
import { outboxTypes } from './fixtures';

// Four subgraphs and the gateway start on fresh, seeded databases: seconds, more on a busy machine.

let federation: Federation;
let community: CommunityFixture;

const publish = `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id name kind capacity status community { id name } provider { id } openingHours { weekday opensAt closesAt } } }`;
type Published = {
  publishResource: {
    id: string;
    community: { id: string; name: string };
    openingHours: { weekday: string; opensAt: string; closesAt: string }[];
  };
};

beforeAll(async () => {
  federation = await startFederation();
  community = await firstCommunity(federation);
});
afterAll(() => federation?.stop());

describe('the resource list (资源清单), through the gateway', () => {
  it("publishes a unit's venue in the unit's community, with its opening hours Monday first", async () => {
    const unit = community.residentUnits[2];
    const result = await federation.query<Published>(publish, {
      input: {
        providerId: unit.id,
        kind: 'VENUE',
        name: '职工之家活动中心',
        description: '可容纳60人的多功能厅',
        capacity: 60,
        openingHours: [
          { weekday: 'SATURDAY', opensAt: '09:00', closesAt: '17:00' },
          { weekday: 'TUESDAY', opensAt: '18:00', closesAt: '21:30' },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.publishResource).toMatchObject({
      community: { id: community.id, name: community.name },
      openingHours: [
        { weekday: 'TUESDAY', opensAt: '18:00', closesAt: '21:30' },
        { weekday: 'SATURDAY', opensAt: '09:00', closesAt: '17:00' },
      ],
    });
    const types = await outboxTypes(federation);
    expect(types.slice(-2)).toEqual(['resource.published', 'resource.opening-hours-set']);
    const unitResources = await federation.query<{ residentUnit: { resources: { name: string }[] } }>(
      'query($id: ID!) { residentUnit(id: $id) { resources { name } } }',
      { id: unit.id },
    );
    expect(unitResources.data!.residentUnit.resources.map((r) => r.name)).toContain('职工之家活动中心');
  });

  it('refuses a venue without capacity, opening hours for an expert, overlapping windows, and an unknown provider', async () => {
    const unit = community.residentUnits[0].id;
    expect(refusal(await federation.query(publish, { input: { providerId: unit, kind: 'VENUE', name: '会议室' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'capacity',
    });
    expect(
      refusal(
        await federation.query(publish, {
          input: {
            providerId: unit,
            kind: 'EXPERT',
            name: '律师',
            openingHours: [{ weekday: 'MONDAY', opensAt: '09:00', closesAt: '12:00' }],
          },
        }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'openingHours' });
    const overlapping = [
      { weekday: 'MONDAY', opensAt: '09:00', closesAt: '12:00' },
      { weekday: 'MONDAY', opensAt: '11:00', closesAt: '14:00' },
    ];
    expect(
      refusal(
        await federation.query(publish, {
          input: { providerId: unit, kind: 'FACILITY', name: '投影仪', capacity: 1, openingHours: overlapping },
        }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'openingHours' });
    expect(
      refusal(
        await federation.query(publish, { input: { providerId: '00000000-0000-4000-8000-000000000000', kind: 'SERVICE', name: '维修' } }),
      ),
    ).toEqual({ code: 'NOT_FOUND', field: 'providerId' });
    expect(refusal(await federation.query(publish, { input: { providerId: 'not-an-id', kind: 'SERVICE', name: '维修' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'providerId',
    });
  });

  it("replaces a venue's opening hours", async () => {
    const venues = await federation.query<{ resources: { edges: { node: { id: string } }[] } }>(
      'query($c: ID) { resources(filter: { kind: VENUE, communityId: $c }, first: 1) { edges { node { id } } } }',
      { c: community.id },
    );
    const result = await federation.query<{ setOpeningHours: { openingHours: unknown[] } }>(
      'mutation($id: ID!, $h: [OpeningWindowInput!]!) { setOpeningHours(resourceId: $id, openingHours: $h) { openingHours { weekday opensAt closesAt } } }',
      { id: venues.data!.resources.edges[0].node.id, h: [{ weekday: 'SUNDAY', opensAt: '08:00', closesAt: '24:00' }] },
    );
    expect(result.data!.setOpeningHours.openingHours).toEqual([{ weekday: 'SUNDAY', opensAt: '08:00', closesAt: '24:00' }]);
  });

  it('searches by kind, community and text, with totals and stable pages', async () => {
    const search =
      'query($f: ResourceFilter, $after: String) { resources(filter: $f, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name kind community { id } } } } }';
    type Search = {
      resources: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { name: string; kind: string; community: { id: string } } }[];
      };
    };
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: Search = (await federation.query<Search>(search, { f: { kind: 'VENUE', communityId: community.id }, after })).data!;
      expect(page.resources.edges.every((e) => e.node.kind === 'VENUE' && e.node.community.id === community.id)).toBe(true);
      expect(page.resources.totalCount).toBeGreaterThanOrEqual(2);
      names.push(...page.resources.edges.map((e) => e.node.name));
      after = page.resources.pageInfo.hasNextPage ? page.resources.pageInfo.endCursor : null;
      if (!after) expect(names).toHaveLength(page.resources.totalCount);
    } while (after);
    expect(names).toContain('职工之家活动中心');
    expect(new Set(names).size).toBe(names.length);
    const text = await federation.query<Search>(search, { f: { text: '篮球' } });
    expect(text.data!.resources.totalCount).toBeGreaterThan(0);
    expect(text.data!.resources.edges.every((e) => e.node.name.includes('篮球'))).toBe(true);
    expect(refusal(await federation.query(search, { f: { communityId: 'x' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.communityId',
    });
  });

  it('sends the same number of SQL statements to each service for 5 resources as for 50 (no N+1)', async () => {
    const query =
      'query($first: Int) { resources(first: $first) { edges { node { name provider { name community { name } } bookings { bookedBy { name } } } } } }';
    const small = await federation.statementsPerService(() => federation.query(query, { first: 5 }));
    let bookings = 0;
    const large = await federation.statementsPerService(async () => {
      const result = await federation.query<{ resources: { edges: { node: { bookings: { bookedBy: { name: string } }[] } }[] } }>(query, {
        first: 50,
      });
      expect(result.errors).toBeUndefined();
      bookings = result.data!.resources.edges.reduce((sum, e) => sum + e.node.bookings.length, 0);
    });
    expect(bookings).toBeGreaterThan(20);
    expect(large).toEqual(small);
    expect(large.resources).toBeLessThanOrEqual(3);
    const hundred = await federation.statementsPerService(() => federation.query(query, { first: 100 }));
    expect(hundred).toEqual(small);
  });
});

describe('who may change co-building (roles, docs/decisions/0004)', () => {
  const as = async (role: 'MEMBER' | 'ANALYST') => ({
    authorization: `Bearer ${await mintCallerToken({ role, sub: `test-${role.toLowerCase()}` })}`,
  });
  const offer = () => ({ input: { providerId: community.residentUnits[1].id, kind: 'SERVICE', name: '义务理发' } });

  it('refuses an anonymous caller (UNAUTHENTICATED) and a member or analyst (FORBIDDEN), and reads stay open', async () => {
    expect(refusal(await federation.query(publish, offer(), {}))).toEqual({ code: 'UNAUTHENTICATED' });
    expect(refusal(await federation.query(publish, offer(), await as('MEMBER')))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await federation.query(publish, offer(), await as('ANALYST')))).toEqual({ code: 'FORBIDDEN' });
    const read = await federation.query<{ resources: { totalCount: number } }>('{ resources(first: 1) { totalCount } }', undefined, {});
    expect(read.data!.resources.totalCount).toBeGreaterThan(0);
  });

  it("lets a unit's liaison offer resources but not sign agreements or raise needs", async () => {
    const liaison = {
      authorization: `Bearer ${await mintCallerToken({ role: 'UNIT_LIAISON', sub: 'test-liaison', unitId: community.residentUnits[1].id })}`,
    };
    const published = await federation.query(publish, offer(), liaison);
    expect(published.errors).toBeUndefined();
    const otherUnit = { input: { ...offer().input, providerId: community.residentUnits[2].id } };
    expect(refusal(await federation.query(publish, otherUnit, liaison))).toEqual({ code: 'FORBIDDEN' });
    const raised = await federation.query(
      'mutation($c: ID!) { raiseNeed(input: { communityId: $c, title: "助老", category: ELDERLY_CARE }) { id } }',
      { c: community.id },
      liaison,
    );
    expect(refusal(raised)).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('what anonymous callers see of co-building', () => {
  it('shows the resource catalogue but not bookings, agreements or needs (UNAUTHENTICATED)', async () => {
    const catalogue = await federation.query<{ resources: { totalCount: number } }>(
      '{ resources(first: 1) { totalCount edges { node { name provider { name } } } } }',
      undefined,
      {},
    );
    expect(catalogue.data!.resources.totalCount).toBeGreaterThan(0);
    for (const query of [
      '{ agreements(first: 1) { totalCount } }',
      '{ bookings(first: 1) { totalCount } }',
      '{ needs(first: 1) { totalCount } }',
    ]) {
      const refused = await federation.query(query, undefined, {});
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
