import { msg } from '@cpb/kit';
import { refused } from '@cpb/kit/testing';
import { type Federation, startFederation } from '@cpb/kit/testing';

let federation: Federation;
let community: {
  id: string;
  partyOrganization: { id: string; kind: string; children: { id: string; name: string }[] };
  residentUnits: {
    id: string;
    name: string;
    partyOrganization: { id: string } | null;
    instructor: { id: string; member: { id: string } } | null;
  }[];
};
let memberIds: string[];

beforeAll(async () => {
  federation = await startFederation();
  const result = await federation.query<{ communities: { edges: { node: typeof community }[] } }>(
    '{ communities(first: 1) { edges { node { id partyOrganization { id kind children { id name } } residentUnits { id name partyOrganization { id } instructor { id member { id } } } } } } }',
  );
  community = result.data!.communities.edges[0].node;
  const members = await federation.query<{ members: { edges: { node: { id: string } }[] } }>(
    '{ members(first: 30) { edges { node { id } } } }',
  );
  memberIds = members.data!.members.edges.map((e) => e.node.id);
});
afterAll(() => federation?.stop());

const appoint =
  'mutation($input: AppointPositionInput!) { appointPosition(input: $input) { id role startsOn endsOn member { id name } fromUnit { name } alsoChairsResidentsCommittee } }';

describe('leadership, instructors and the census, through the gateway', () => {
  it('shows the seeded leadership with member names resolved from the members service', async () => {
    const result = await federation.query<{
      organization: { positions: { role: string; member: { name: string }; alsoChairsResidentsCommittee: boolean }[] };
    }>('query($id: ID!) { organization(id: $id) { positions { role alsoChairsResidentsCommittee member { name } } } }', {
      id: community.partyOrganization.id,
    });
    const secretary = result.data!.organization.positions.find((p) => p.role === 'SECRETARY')!;
    expect(secretary.alsoChairsResidentsCommittee).toBe(true);
    expect(secretary.member.name.length).toBeGreaterThan(1);
    expect(result.data!.organization.positions.filter((p) => p.role === 'PART_TIME_COMMITTEE_MEMBER')).toHaveLength(2);
  });

  it('keeps one current secretary per organisation (CONFLICT), and allows a new one once the old position ended', async () => {
    const branch = community.partyOrganization.children.find((c) => c.name.includes('第3党支部'))!;
    const second = await federation.query(
      appoint,
      { input: { organizationId: branch.id, memberId: memberIds[7], role: 'SECRETARY' } },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(second.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0].message).toContain('current secretary');

    const current = await federation.query<{ organization: { positions: { id: string; role: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { positions { id role } } }',
      { id: branch.id },
    );
    const old = current.data!.organization.positions.find((p) => p.role === 'SECRETARY')!;
    const ended = await federation.query<{ endPosition: { endsOn: string } }>('mutation($id: ID!) { endPosition(id: $id) { endsOn } }', {
      id: old.id,
    });
    expect(ended.data!.endPosition.endsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await federation.query(`mutation($id: ID!) { endPosition(id: $id) { endsOn } }`, { id: old.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const next = await federation.query<{ appointPosition: { role: string; member: { id: string } } }>(appoint, {
      input: { organizationId: branch.id, memberId: memberIds[7], role: 'SECRETARY', startsOn: '2026-01-01' },
    });
    expect(next.errors).toBeUndefined();
    expect(next.data!.appointPosition.member.id).toBe(memberIds[7]);
    const withEnded = await federation.query<{ organization: { positions: { role: string; endsOn: string | null }[] } }>(
      'query($id: ID!) { organization(id: $id) { positions(includeEnded: true) { role endsOn } } }',
      { id: branch.id },
    );
    expect(
      withEnded
        .data!.organization.positions.filter((p) => p.role === 'SECRETARY')
        .map((p) => p.endsOn === null)
        .sort(),
    ).toEqual([false, true]);
  });

  it('refuses a part-time committee member without a unit, 一肩挑 for a non-secretary, and an unknown member', async () => {
    const org = community.partyOrganization.id;
    const noUnit = await federation.query(appoint, {
      input: { organizationId: org, memberId: memberIds[8], role: 'PART_TIME_COMMITTEE_MEMBER' },
    });
    expect(noUnit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromUnitId' });
    const chairs = await federation.query(appoint, {
      input: { organizationId: org, memberId: memberIds[8], role: 'DEPUTY_SECRETARY', alsoChairsResidentsCommittee: true },
    });
    expect(chairs.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'alsoChairsResidentsCommittee' });
    const unknown = await federation.query(appoint, {
      input: { organizationId: org, memberId: '00000000-0000-4000-8000-000000000001', role: 'COMMITTEE_MEMBER' },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'memberId' });
    const fromUnit = await federation.query<{ appointPosition: { fromUnit: { name: string } } }>(appoint, {
      input: { organizationId: org, memberId: memberIds[9], role: 'PART_TIME_COMMITTEE_MEMBER', fromUnitId: community.residentUnits[2].id },
    });
    expect(fromUnit.data!.appointPosition.fromUnit.name).toBe(community.residentUnits[2].name);
  });

  it('flags a committee without a full-time deputy secretary in kindCheck, using the member count from the members service', async () => {
    const query =
      'query($id: ID!) { organization(id: $id) { kind memberCount fullMemberCount kindCheck { fits recommendedKind reason } positions { id role } } }';
    type Org = {
      organization: {
        kind: string;
        memberCount: number;
        fullMemberCount: number;
        kindCheck: { fits: boolean; recommendedKind: string; reason: string };
        positions: { id: string; role: string }[];
      };
    };
    const before = (await federation.query<Org>(query, { id: community.partyOrganization.id })).data!.organization;
    expect(before.memberCount).toBeGreaterThan(0);
    expect(before.kindCheck.recommendedKind).toBe(
      before.memberCount >= 100 ? 'COMMITTEE' : before.memberCount >= 50 ? 'GENERAL_BRANCH' : 'BRANCH',
    );
    const deputy = before.positions.find((p) => p.role === 'FULL_TIME_DEPUTY_SECRETARY')!;
    await federation.query('mutation($id: ID!) { endPosition(id: $id) { id } }', { id: deputy.id });
    const after = (await federation.query<Org>(query, { id: community.partyOrganization.id })).data!.organization;
    expect(after.kindCheck.fits).toBe(false);
    if (after.memberCount >= 100) expect(after.kindCheck.reason).toContain('专职副书记');
  });

  it('assigns an instructor only to a unit without its own organisation, one at a time, and ends it when the unit links one', async () => {
    const uncovered = community.residentUnits.find((u) => !u.partyOrganization)!;
    const covered = community.residentUnits.find((u) => u.partyOrganization)!;
    expect(uncovered.instructor).not.toBeNull();
    const assign = 'mutation($u: ID!, $m: ID!) { assignInstructor(residentUnitId: $u, memberId: $m) { id member { id } } }';
    expect((await federation.query(assign, { u: covered.id, m: memberIds[3] })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(
      (await federation.query(assign, { u: uncovered.id, m: memberIds[3] }, await federation.asAdmin({ 'accept-language': 'en' })))
        .errors?.[0].message,
    ).toContain('already has a current instructor');

    const org = await federation.query<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: {
          name: `中共${uncovered.name}支部委员会`,
          kind: 'BRANCH',
          scope: 'RESIDENT_UNIT',
          parentId: community.partyOrganization.id,
          residentUnitId: uncovered.id,
        },
      },
    );
    const linked = await federation.query<{ linkResidentUnitOrganization: { partyOrganization: { id: string }; instructor: unknown } }>(
      'mutation($u: ID!, $o: ID!) { linkResidentUnitOrganization(residentUnitId: $u, organizationId: $o) { partyOrganization { id } instructor { id } } }',
      { u: uncovered.id, o: org.data!.createOrganization.id },
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkResidentUnitOrganization.partyOrganization.id).toBe(org.data!.createOrganization.id);
    expect(linked.data!.linkResidentUnitOrganization.instructor).toBeNull();
  });

  it('creates a street, a community with grids and a unit, refusing duplicates and unknown parents', async () => {
    const street = await federation.query<{ createStreet: { id: string } }>(
      'mutation { createStreet(input: { name: "新城街道", district: "城东区" }) { id } }',
    );
    expect(
      (await federation.query('mutation { createStreet(input: { name: "新城街道", district: "城东区" }) { id } }')).errors?.[0].extensions
        ?.code,
    ).toBe('CONFLICT');
    const created = await federation.query<{
      createCommunity: { id: string; grids: { name: string }[]; street: { id: string }; census: { residentUnits: number } };
    }>(
      'mutation($s: ID!) { createCommunity(input: { streetId: $s, name: "新城社区", grids: ["第1网格", "第2网格"] }) { id grids { name } street { id } census { residentUnits } } }',
      { s: street.data!.createStreet.id },
    );
    expect(created.data!.createCommunity.grids.map((g) => g.name)).toEqual(['第1网格', '第2网格']);
    expect(created.data!.createCommunity.census.residentUnits).toBe(0);
    const unknown = await federation.query(
      'mutation { createCommunity(input: { streetId: "00000000-0000-4000-8000-000000000002", name: "x" }) { id } }',
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'streetId' });
    const grid = await federation.query('mutation($c: ID!) { createGrid(communityId: $c, name: "第1网格") { id } }', {
      c: created.data!.createCommunity.id,
    });
    expect(grid.errors?.[0].extensions?.code).toBe('CONFLICT');
    const unit = await federation.query<{ createResidentUnit: { community: { census: { residentUnits: number; enterprises: number } } } }>(
      'mutation($c: ID!) { createResidentUnit(input: { communityId: $c, name: "新城科技有限公司", category: NON_PUBLIC_ENTERPRISE }) { community { census { residentUnits enterprises } } } }',
      { c: created.data!.createCommunity.id },
    );
    expect(unit.data!.createResidentUnit.community.census).toEqual({ residentUnits: 1, enterprises: 1 });
  });

  it('keeps a community to 200 grids and pages them by name', async () => {
    const [{ id: streetId }] = await federation.subgraphs.organizations.running.database.dataSource.query(
      'SELECT id FROM street ORDER BY name LIMIT 1',
    );
    const names = (n: number) => Array.from({ length: n }, (_, i) => `网格${String(i + 1).padStart(3, '0')}`);
    const create =
      'mutation($s: ID!, $name: String!, $g: [String!]) { createCommunity(input: { streetId: $s, name: $name, grids: $g }) { id } }';
    const tooMany = await federation.query(create, { s: streetId, name: '网格过多社区', g: names(201) });
    expect(tooMany.errors?.[0].extensions).toEqual(refused('BAD_USER_INPUT', 'grids', msg('community.tooManyGrids', { max: 200 })));
    const full = await federation.query<{ createCommunity: { id: string } }>(create, { s: streetId, name: '网格满额社区', g: names(200) });
    expect(full.errors).toBeUndefined();
    const id = full.data!.createCommunity.id;
    type Page = {
      community: {
        gridsPage: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] };
      };
    };
    const page =
      'query($id: ID!, $after: String) { community(id: $id) { gridsPage(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } }';
    const first = (await federation.query<Page>(page, { id })).data!.community.gridsPage;
    const second = (await federation.query<Page>(page, { id, after: first.pageInfo.endCursor })).data!.community.gridsPage;
    const all = (
      await federation.query<{ community: { grids: { name: string }[] } }>('query($id: ID!) { community(id: $id) { grids { name } } }', {
        id,
      })
    ).data!.community.grids;
    expect(all.map((g) => g.name)).toEqual(names(200));
    expect([first.totalCount, first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([200, true, false]);
    expect([...first.edges, ...second.edges].map((e) => e.node.name)).toEqual(names(200));
    expect((await federation.query(page.replace('first: 100', 'first: 101'), { id })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const beyond = await federation.query(
      'mutation($c: ID!) { createGrid(communityId: $c, name: "第201网格") { id } }',
      { c: id },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(beyond.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('200 grids') });
  });

  it('counts the five clears (五个清) of a community', async () => {
    const result = await federation.query<{
      community: { census: { residentUnits: number; enterprises: number; coveredUnits: number; partyOrganizations: number } };
    }>('query($id: ID!) { community(id: $id) { census { residentUnits enterprises coveredUnits partyOrganizations } } }', {
      id: community.id,
    });
    const census = result.data!.community.census;
    expect(census.residentUnits).toBe(6);
    expect(census.coveredUnits).toBe(community.residentUnits.filter((u) => u.partyOrganization).length + 1);
    expect(census.partyOrganizations).toBeGreaterThanOrEqual(5);
  });
});
