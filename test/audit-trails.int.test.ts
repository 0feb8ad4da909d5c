import { mintCallerToken } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { demoUsers } from '../scripts/token';
import { type Federation, startFederation } from '@cpb/kit/testing';

let federation: Federation;
const as = async (user: keyof typeof demoUsers) => ({ authorization: `Bearer ${await mintCallerToken(demoUsers[user])}` });

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

type Trail = Record<string, { edges: { node: { actorSub: string; action: string; targetId: string } }[] }>;

describe('every service keeps an audit trail that street administrators can read', () => {
  it('records who changed what in members and resources, and refuses the trail to others', async () => {
    const member = await as('member');
    const updated = await federation.query(
      'mutation($id: ID!) { updateMember(id: $id, input: { responsibilityArea: "5号楼1单元" }) { id } }',
      { id: worldId('member', 12) },
      member,
    );
    expect(updated.errors).toBeUndefined();
    const published = await federation.query('mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }', {
      input: { providerId: worldId('unit', 0), kind: 'SERVICE', name: '审计测试服务' },
    });
    expect(published.errors).toBeUndefined();

    const query =
      '{ membersAuditTrail(first: 5) { edges { node { actorSub action targetId } } } resourcesAuditTrail(first: 5) { edges { node { actorSub action targetId } } } }';
    const trail = await federation.query<Trail>(query, undefined, await as('street-admin'));
    expect(trail.errors).toBeUndefined();
    expect(trail.data!.membersAuditTrail.edges[0].node).toEqual({
      actorSub: 'member',
      action: 'member.updated',
      targetId: worldId('member', 12),
    });
    expect(trail.data!.resourcesAuditTrail.edges[0].node).toMatchObject({ actorSub: 'test-district-admin', action: 'resource.published' });

    const refused = await federation.query<Trail>(query, undefined, await as('community-secretary'));
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it("limits a street administrator's trail to changes in its street, in every service", async () => {
    const subtreeMember = async (c: number) =>
      (
        await federation.query<{ members: { edges: { node: { id: string } }[] } }>(
          'query($o: ID!) { members(first: 1, filter: { organizationId: $o, includeDescendants: true }) { edges { node { id } } } }',
          { o: worldId('org-community', c) },
        )
      ).data!.members.edges[0].node.id;
    // Community 0 lies in street 0, community 1 in street 1.
    const targets: Record<number, string[]> = { 0: [], 1: [] };
    for (const c of [0, 1]) {
      const memberId = await subtreeMember(c);
      expect(
        (
          await federation.query('mutation($id: ID!) { updateMember(id: $id, input: { responsibilityArea: "7号楼" }) { id } }', {
            id: memberId,
          })
        ).errors,
      ).toBeUndefined();
      const branch = (
        await federation.query<{ organization: { children: { id: string }[] } }>(
          'query($id: ID!) { organization(id: $id) { children { id } } }',
          { id: worldId('org-community', c) },
        )
      ).data!.organization.children[0].id;
      expect(
        (await federation.query('mutation($id: ID!) { renameOrganization(id: $id, name: "审计测试支部") { id } }', { id: branch })).errors,
      ).toBeUndefined();
      const units = (
        await federation.query<{ community: { residentUnits: { id: string }[] } }>(
          'query($id: ID!) { community(id: $id) { residentUnits { id } } }',
          { id: worldId('community', c) },
        )
      ).data!.community.residentUnits;
      const resource = await federation.query<{ publishResource: { id: string } }>(
        'mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }',
        { input: { providerId: units[1].id, kind: 'SERVICE', name: '审计范围测试' } },
      );
      targets[c].push(memberId, branch, resource.data!.publishResource.id);
    }
    const query =
      '{ o: organizationsAuditTrail(first: 50) { edges { node { targetId } } } m: membersAuditTrail(first: 50) { edges { node { targetId } } } r: resourcesAuditTrail(first: 50) { edges { node { targetId } } } a: activitiesAuditTrail(first: 50) { edges { node { targetId } } } }';
    const seen = async (headers: Record<string, string>) => {
      const trail = await federation.query<Trail>(query, undefined, headers);
      expect(trail.errors).toBeUndefined();
      return new Set(Object.values(trail.data!).flatMap((c) => c.edges.map((e) => e.node.targetId)));
    };
    const street0 = await seen(await as('street-admin'));
    const street1 = await seen({
      authorization: `Bearer ${await mintCallerToken({ role: 'STREET_ADMIN', sub: 'street-admin-1', orgId: worldId('org-street', 1) })}`,
    });
    const district = await seen(await as('district-admin'));
    expect(targets[0].map((id) => [street0.has(id), street1.has(id), district.has(id)])).toEqual(targets[0].map(() => [true, false, true]));
    expect(targets[1].map((id) => [street0.has(id), street1.has(id), district.has(id)])).toEqual(targets[1].map(() => [false, true, true]));
  });
});
