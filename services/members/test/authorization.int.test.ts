import { mintCallerToken } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { demoUsers } from '../../../scripts/token';
import { type Federation, startFederation } from '@cpb/kit/testing';

let federation: Federation;
let inScope: string;
let outOfScope: string;
const self = worldId('member', 12);
const as = async (user: keyof typeof demoUsers) => ({ authorization: `Bearer ${await mintCallerToken(demoUsers[user])}` });
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const subtreeMember =
  'query($org: ID!) { members(first: 1, filter: { organizationId: $org, includeDescendants: true }) { totalCount edges { node { id } } } }';
type Page = { members: { totalCount: number; edges: { node: { id: string } }[] } };
const personal = 'query($id: ID!) { member(id: $id) { name phone phoneMasked idNumber idNumberMasked homeAddress } }';
type Personal = {
  member: {
    name: string;
    phone: string | null;
    phoneMasked: string;
    idNumber: string | null;
    idNumberMasked: string;
    homeAddress: string | null;
  };
};

beforeAll(async () => {
  federation = await startFederation();
  inScope = (await federation.query<Page>(subtreeMember, { org: worldId('org-community', 0) })).data!.members.edges[0].node.id;
  outOfScope = (await federation.query<Page>(subtreeMember, { org: worldId('org-community', 1) })).data!.members.edges[0].node.id;
});
afterAll(() => federation?.stop());

describe('who sees which members (authorization matrix)', () => {
  it('shows a community secretary full records in their subtree and masked data elsewhere', async () => {
    const secretary = await as('community-secretary');
    const own = await federation.query<Personal>(personal, { id: inScope }, secretary);
    expect(own.data!.member.phone).toMatch(/^1\d{10}$/);
    expect(own.data!.member.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(own.data!.member.homeAddress).toContain('号楼');
    const other = await federation.query<Personal>(personal, { id: outOfScope }, secretary);
    expect(other.errors).toBeUndefined();
    expect(other.data!.member).toMatchObject({ phone: null, idNumber: null, homeAddress: null });
    expect(other.data!.member.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(other.data!.member.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(codeOf(await federation.query('query($id: ID!) { member(id: $id) { status category } }', { id: outOfScope }, secretary))).toBe(
      'FORBIDDEN',
    );
  });

  it("limits a manager's member lists to their subtree, whatever the filter asks", async () => {
    const secretary = await as('community-secretary');
    const all = await federation.query<Page>('{ members(first: 1) { totalCount edges { node { id } } } }', undefined, secretary);
    const subtree = await federation.query<Page>(subtreeMember, { org: worldId('org-community', 0) });
    expect(all.data!.members.totalCount).toBe(subtree.data!.members.totalCount);
    const foreign = await federation.query<Page>(subtreeMember, { org: worldId('org-community', 1) }, secretary);
    expect(foreign.data!.members.totalCount).toBe(0);
    const foreignOrg = await federation.query(
      'query($id: ID!) { organization(id: $id) { members(first: 5) { totalCount } } }',
      { id: worldId('org-branch', 3) },
      secretary,
    );
    expect(codeOf(foreignOrg)).toBe('FORBIDDEN');
  });

  it('hides personal data reached through entity references and nested fields outside the scope', async () => {
    const secretary = await as('community-secretary');
    const leaders = await federation.query<{ organization: { positions: { member: { name: string; phone: string | null } }[] } }>(
      'query($id: ID!) { organization(id: $id) { positions { member { name phone } } } }',
      { id: worldId('org-community', 1) },
      secretary,
    );
    expect(leaders.data!.organization.positions.length).toBeGreaterThan(0);
    for (const p of leaders.data!.organization.positions) {
      expect(p.member.name.length).toBeGreaterThan(1);
      expect(p.member.phone).toBeNull();
    }
    await federation.query('mutation($input: AppointPositionInput!) { appointPosition(input: $input) { id } }', {
      input: { organizationId: worldId('org-community', 0), memberId: inScope, role: 'COMMITTEE_MEMBER' },
    });
    const entities = await federation.query<{ organization: { positions: { member: { id: string; phone: string | null } }[] } }>(
      'query($id: ID!) { organization(id: $id) { positions { member { id phone } } } }',
      { id: worldId('org-community', 0) },
      secretary,
    );
    expect(entities.data!.organization.positions.find((p) => p.member.id === inScope)!.member.phone).toMatch(/^1\d{10}$/);
  });

  it('lets a member see and change their own record only', async () => {
    const member = await as('member');
    const own = await federation.query<Personal>(personal, { id: self }, member);
    expect(own.data!.member.phone).not.toBeNull();
    expect((await federation.query<Personal>(personal, { id: inScope }, member)).data!.member.phone).toBeNull();
    expect(codeOf(await federation.query('{ members(first: 1) { totalCount } }', undefined, member))).toBe('FORBIDDEN');
    const update = 'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }';
    expect((await federation.query(update, { id: self, input: { phone: '13900000012' } }, member)).errors).toBeUndefined();
    expect(codeOf(await federation.query(update, { id: inScope, input: { phone: '13900000013' } }, member))).toBe('FORBIDDEN');
  });

  it('gives analysts aggregates and never persons; anonymous callers neither', async () => {
    const analyst = await as('analyst');
    const counts = await federation.query<{ organization: { memberCount: number } }>(
      'query($id: ID!) { organization(id: $id) { memberCount } }',
      { id: worldId('org-community', 0) },
      analyst,
    );
    expect(counts.data!.organization.memberCount).toBeGreaterThan(0);
    expect(codeOf(await federation.query(personal, { id: inScope }, analyst))).toBe('FORBIDDEN');
    expect(codeOf(await federation.query(personal, { id: inScope }, {}))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await federation.query('query($id: ID!) { organization(id: $id) { memberCount } }', { id: worldId('org-community', 0) }, {})),
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a secretary changing members outside their subtree, and follows the tree when it moves', async () => {
    const secretary = await as('community-secretary');
    const update = 'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }';
    expect(codeOf(await federation.query(update, { id: outOfScope, input: { responsibilityArea: '1号楼' } }, secretary))).toBe('FORBIDDEN');
    const holder = await federation.query<{ member: { organization: { id: string } } }>(
      'query($id: ID!) { member(id: $id) { organization { id } } }',
      { id: outOfScope },
    );
    await federation.query('mutation($id: ID!, $p: ID!) { moveOrganization(id: $id, parentId: $p) { id } }', {
      id: holder.data!.member.organization.id,
      p: worldId('org-community', 0),
    });
    expect((await federation.query<Personal>(personal, { id: outOfScope }, secretary)).data!.member.phone).not.toBeNull();
    expect((await federation.query(update, { id: outOfScope, input: { responsibilityArea: '1号楼' } }, secretary)).errors).toBeUndefined();
  });
});
