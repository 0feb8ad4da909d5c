import { mintCallerToken } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { demoUsers } from '../../../scripts/token';
import { type Federation, startFederation } from '@cpb/kit/testing';

let federation: Federation;
const as = async (user: keyof typeof demoUsers) => ({ authorization: `Bearer ${await mintCallerToken(demoUsers[user])}` });
const anonymous = {};

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const create = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }';
const branchInput = (parentId: string, name: string) => ({ input: { name, kind: 'BRANCH', scope: 'COMMUNITY', parentId } });

describe('who may see and change the organisation tree', () => {
  it('shows anonymous callers the public structure only', async () => {
    const names = await federation.query<{ streets: unknown[] }>('{ streets { name communities { name } } }', undefined, anonymous);
    expect(names.data!.streets).toHaveLength(2);
    const census = await federation.query(
      'query($id: ID!) { community(id: $id) { name census { enterprises } } }',
      { id: worldId('community', 0) },
      anonymous,
    );
    expect(codeOf(census)).toBe('UNAUTHENTICATED');
    const leaders = await federation.query(
      'query($id: ID!) { organization(id: $id) { positions { role } } }',
      { id: worldId('org-community', 0) },
      anonymous,
    );
    expect(codeOf(leaders)).toBe('UNAUTHENTICATED');
    expect(
      codeOf(
        await federation.query('mutation { createStreet(input: { name: "匿名街道", district: "城东区" }) { id } }', undefined, anonymous),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('lets analysts see aggregates but not who holds which position', async () => {
    const census = await federation.query<{ community: { census: { enterprises: number } } }>(
      'query($id: ID!) { community(id: $id) { census { enterprises } } }',
      { id: worldId('community', 0) },
      await as('analyst'),
    );
    expect(census.errors).toBeUndefined();
    const leaders = await federation.query(
      'query($id: ID!) { organization(id: $id) { positions { role } } }',
      { id: worldId('org-community', 0) },
      await as('analyst'),
    );
    expect(codeOf(leaders)).toBe('FORBIDDEN');
  });

  it('lets a community secretary change their own subtree and nothing else', async () => {
    const secretary = await as('community-secretary');
    const own = await federation.query(create, branchInput(worldId('org-community', 0), '书记新建支部'), secretary);
    expect(own.errors).toBeUndefined();
    const other = await federation.query(create, branchInput(worldId('org-community', 1), '越权支部'), secretary);
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(
      codeOf(
        await federation.query('mutation { createStreet(input: { name: "越权街道", district: "城东区" }) { id } }', undefined, secretary),
      ),
    ).toBe('FORBIDDEN');
    const committee = await federation.query(
      'mutation($id: ID!) { renameOrganization(id: $id, name: "改名") { id } }',
      { id: worldId('org-street', 0) },
      secretary,
    );
    expect(codeOf(committee)).toBe('FORBIDDEN');
  });

  it('moves what a manager may change when an organisation moves (scope follows the tree)', async () => {
    const secretary = await as('community-secretary');
    const branch = worldId('org-branch', 1 * 3 + 2); // the third branch of the second community
    const rename = 'mutation($id: ID!, $name: String!) { renameOrganization(id: $id, name: $name) { name } }';
    expect(codeOf(await federation.query(rename, { id: branch, name: '接管前' }, secretary))).toBe('FORBIDDEN');
    const moved = await federation.query('mutation($id: ID!, $p: ID!) { moveOrganization(id: $id, parentId: $p) { id } }', {
      id: branch,
      p: worldId('org-community', 0),
    });
    expect(moved.errors).toBeUndefined();
    const renamed = await federation.query<{ renameOrganization: { name: string } }>(rename, { id: branch, name: '接管后支部' }, secretary);
    expect(renamed.data!.renameOrganization.name).toBe('接管后支部');
  });

  it('lets a street administrator add communities to their own street only', async () => {
    const admin = await as('street-admin');
    const own = await federation.query(
      'mutation($s: ID!) { createCommunity(input: { streetId: $s, name: "街道新建社区" }) { id } }',
      { s: worldId('street', 0) },
      admin,
    );
    expect(own.errors).toBeUndefined();
    const other = await federation.query(
      'mutation($s: ID!) { createCommunity(input: { streetId: $s, name: "越权社区" }) { id } }',
      { s: worldId('street', 1) },
      admin,
    );
    expect(codeOf(other)).toBe('FORBIDDEN');
  });

  it('records every change in the audit trail, which street administrators may read and others may not', async () => {
    const trail = await federation.query<{
      organizationsAuditTrail: { edges: { node: { actorSub: string; actorRole: string; action: string; targetId: string } }[] };
    }>(
      '{ organizationsAuditTrail(first: 50) { edges { node { actorSub actorRole action targetId } } } }',
      undefined,
      await as('street-admin'),
    );
    const entries = trail.data!.organizationsAuditTrail.edges.map((e) => e.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorSub: 'community-secretary', actorRole: 'COMMUNITY_SECRETARY', action: 'organization.created' }),
        expect.objectContaining({ actorSub: 'street-admin', actorRole: 'STREET_ADMIN', action: 'community.created' }),
        expect.objectContaining({ actorSub: 'test-district-admin', action: 'organization.moved', targetId: worldId('org-branch', 5) }),
      ]),
    );
    expect(
      codeOf(await federation.query('{ organizationsAuditTrail { edges { cursor } } }', undefined, await as('community-secretary'))),
    ).toBe('FORBIDDEN');
    expect(codeOf(await federation.query('{ organizationsAuditTrail { edges { cursor } } }', undefined, await as('member')))).toBe(
      'FORBIDDEN',
    );
  });
});
