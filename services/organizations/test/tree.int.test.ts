import { type Federation, startFederation } from '@cpb/kit/testing';

let federation: Federation;
let communityOrg: { id: string; children: { id: string; name: string; kind: string }[] };
let street: { id: string; workingCommittee: { id: string } };

const create = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind scope parent { id } ancestors { id } community { id } } }`;

beforeAll(async () => {
  federation = await startFederation();
  const result = await federation.query<{
    streets: { id: string; workingCommittee: { id: string }; communities: { partyOrganization: typeof communityOrg }[] }[];
  }>('{ streets { id workingCommittee { id } communities { partyOrganization { id children { id name kind } } } } }');
  street = result.data!.streets[0];
  communityOrg = result.data!.streets[0].communities[0].partyOrganization;
});
afterAll(() => federation?.stop());

async function outboxTypes(): Promise<string[]> {
  const rows: { type: string }[] = await federation.subgraphs.organizations.running.database.dataSource.query(
    'SELECT type FROM outbox ORDER BY seq',
  );
  return rows.map((r) => r.type);
}

describe('the organisation tree, through the gateway', () => {
  it('creates a branch under the community organisation and records organization.created in the outbox', async () => {
    const result = await federation.query<{ createOrganization: { kind: string; parent: { id: string }; ancestors: { id: string }[] } }>(
      create,
      {
        input: { name: '新建第9党支部', kind: 'BRANCH', scope: 'COMMUNITY', parentId: communityOrg.id },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createOrganization.parent.id).toBe(communityOrg.id);
    expect(result.data!.createOrganization.ancestors.map((a) => a.id)).toEqual([street.workingCommittee.id, communityOrg.id]);
    expect(await outboxTypes()).toContain('organization.created');
  });

  it('refuses a Party group that is not under a branch (BAD_USER_INPUT on parentId)', async () => {
    const result = await federation.query(create, {
      input: { name: '第1党小组', kind: 'PARTY_GROUP', scope: 'COMMUNITY', parentId: communityOrg.id },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
  });

  it('refuses a second active community organisation in one community (一社区一组织: CONFLICT)', async () => {
    const result = await federation.query(create, {
      input: {
        name: '重复的社区党委',
        kind: 'COMMITTEE',
        scope: 'COMMUNITY',
        parentId: street.workingCommittee.id,
        communityId: await communityOf(communityOrg.id),
      },
    });
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(result.errors?.[0].message).toContain('一社区一组织');
  });

  it('refuses an unknown parent with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await federation.query(create, {
      input: { name: 'x', kind: 'BRANCH', scope: 'COMMUNITY', parentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
    const malformed = await federation.query(create, { input: { name: 'x', kind: 'BRANCH', scope: 'COMMUNITY', parentId: 'nope' } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
  });

  it('refuses to move an organisation under its own descendant, and moves the subtree otherwise', async () => {
    const branch = communityOrg.children.find((c) => c.kind === 'BRANCH')!;
    const cycle = await federation.query('mutation($id: ID!, $p: ID!) { moveOrganization(id: $id, parentId: $p) { id } }', {
      id: communityOrg.id,
      p: branch.id,
    });
    expect(cycle.errors?.[0].extensions?.code).toBe('CONFLICT');

    const other = await federation.query<{ createOrganization: { id: string } }>(create, {
      input: { name: '临时联合支部', kind: 'BRANCH', scope: 'JOINT', parentId: street.workingCommittee.id },
    });
    const otherId = other.data!.createOrganization.id;
    const group = await federation.query<{ createOrganization: { id: string } }>(create, {
      input: { name: '临时党小组', kind: 'PARTY_GROUP', scope: 'JOINT', parentId: otherId },
    });
    const moved = await federation.query<{ moveOrganization: { ancestors: { id: string }[] } }>(
      'mutation($id: ID!, $p: ID!) { moveOrganization(id: $id, parentId: $p) { ancestors { id } } }',
      { id: otherId, p: communityOrg.id },
    );
    expect(moved.errors).toBeUndefined();
    const child = await federation.query<{ organization: { ancestors: { id: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { ancestors { id } } }',
      { id: group.data!.createOrganization.id },
    );
    expect(child.data!.organization.ancestors.map((a) => a.id)).toEqual([street.workingCommittee.id, communityOrg.id, otherId]);
  });

  it('refuses to dissolve an organisation with active children or members, and dissolves an empty one', async () => {
    const withChildren = await federation.query(
      'mutation($id: ID!) { dissolveOrganization(id: $id) { status } }',
      { id: communityOrg.id },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(withChildren.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(withChildren.errors?.[0].message).toContain('active sub-organisation');

    const branchWithMembers = communityOrg.children.find((c) => c.name.includes('第2党支部'))!;
    const holdsMembers = await federation.query(
      'mutation($id: ID!) { dissolveOrganization(id: $id) { status } }',
      { id: branchWithMembers.id },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(holdsMembers.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(holdsMembers.errors?.[0].message).toContain('member');

    const empty = await federation.query<{ createOrganization: { id: string } }>(create, {
      input: { name: '待撤销支部', kind: 'BRANCH', scope: 'COMMUNITY', parentId: communityOrg.id },
    });
    const dissolved = await federation.query<{ dissolveOrganization: { status: string } }>(
      'mutation($id: ID!) { dissolveOrganization(id: $id, dissolvedOn: "2026-01-31") { status } }',
      { id: empty.data!.createOrganization.id },
    );
    expect(dissolved.data!.dissolveOrganization.status).toBe('DISSOLVED');
    expect(await outboxTypes()).toContain('organization.dissolved');
  });
});

async function communityOf(organizationId: string): Promise<string> {
  const result = await federation.query<{ organization: { community: { id: string } } }>(
    'query($id: ID!) { organization(id: $id) { community { id } } }',
    { id: organizationId },
  );
  return result.data!.organization.community.id;
}
