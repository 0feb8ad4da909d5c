import { mintCallerToken } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { demoUsers } from '../scripts/token';
import { startFederation, type Federation } from './federation-harness';

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
    const updated = await federation.query('mutation($id: ID!) { updateMember(id: $id, input: { responsibilityArea: "5号楼1单元" }) { id } }', { id: worldId('member', 12) }, member);
    expect(updated.errors).toBeUndefined();
    const published = await federation.query('mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }', {
      input: { providerId: worldId('unit', 0), kind: 'SERVICE', name: '审计测试服务' },
    });
    expect(published.errors).toBeUndefined();

    const query = '{ membersAuditTrail(first: 5) { edges { node { actorSub action targetId } } } resourcesAuditTrail(first: 5) { edges { node { actorSub action targetId } } } }';
    const trail = await federation.query<Trail>(query, undefined, await as('street-admin'));
    expect(trail.errors).toBeUndefined();
    expect(trail.data!.membersAuditTrail.edges[0].node).toEqual({ actorSub: 'member', action: 'member.updated', targetId: worldId('member', 12) });
    expect(trail.data!.resourcesAuditTrail.edges[0].node).toMatchObject({ actorSub: 'test-district-admin', action: 'resource.published' });

    const refused = await federation.query<Trail>(query, undefined, await as('community-secretary'));
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});
