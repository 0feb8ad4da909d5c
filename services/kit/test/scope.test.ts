import { actsForSelf, msg, Scope, type Actor, type Rule } from '../src';

const outsideRefusal = msg('scope.outside');

const street = 'aaaaaaaa-0000-4000-8000-000000000001';
const inside = 'aaaaaaaa-0000-4000-8000-000000000002';
const outside = 'aaaaaaaa-0000-4000-8000-000000000003';
const managers: Rule = {
  roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'],
  scope: 'a manager whose subtree holds the target',
};

function scopeOf(actor: Actor) {
  const asked: string[] = [];
  const scope = new Scope(actor, async (root) => {
    asked.push(root);
    return root === street ? [street, inside] : null;
  });
  return { scope, asked };
}

describe("scope: is an organisation in the actor's subtree", () => {
  it('asks the subtree once per request and answers by id', async () => {
    const { scope, asked } = scopeOf({ role: 'STREET_ADMIN', sub: 's', orgId: street });
    expect(await scope.manages(inside)).toBe(true);
    expect(await scope.manages(outside)).toBe(false);
    expect(await scope.manages(null)).toBe(false);
    expect(asked).toEqual([street]);
  });

  it('gives the district and services everything without asking, and others nothing', async () => {
    for (const role of ['DISTRICT_ADMIN', 'SERVICE'] as const) expect(await scopeOf({ role, sub: role }).scope.manages(outside)).toBe(true);
    const liaison = scopeOf({ role: 'UNIT_LIAISON', sub: 'l', orgId: street });
    expect(await liaison.scope.manages(inside)).toBe(false);
    expect(liaison.asked).toEqual([]);
  });

  it('permits in one order: the member themself, then the role, then the subtree', async () => {
    const member: Actor = { role: 'MEMBER', sub: 'm', memberId: 'm-1' };
    await expect(
      scopeOf(member).scope.permit({ ...managers, self: 'member' }, { organizationId: outside, memberId: 'm-1' }, outsideRefusal),
    ).resolves.toBeUndefined();
    await expect(
      scopeOf(member).scope.permit(managers, { organizationId: outside, memberId: 'm-1' }, outsideRefusal),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      scopeOf({ role: 'ANONYMOUS', sub: 'anonymous' }).scope.permit(managers, { organizationId: inside }, outsideRefusal),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      scopeOf({ role: 'COMMUNITY_SECRETARY', sub: 'c', orgId: street }).scope.permit(managers, { organizationId: outside }, outsideRefusal),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This is outside the organisations you manage' });
  });

  it("tells a member's own token from another role's naming the same member", () => {
    const secretary: Actor = { role: 'COMMUNITY_SECRETARY', sub: 'c', orgId: street, memberId: 'm-1' };
    expect(actsForSelf(secretary, { ...managers, self: 'person' }, 'm-1')).toBe(true);
    expect(actsForSelf(secretary, { ...managers, self: 'member' }, 'm-1')).toBe(false);
    expect(actsForSelf(secretary, managers, 'm-1')).toBe(false);
  });
});
