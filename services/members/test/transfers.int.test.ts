import { type Federation, startFederation } from '@cpb/kit/testing';
import { branchOf, person, type Seeded, seeded } from '@cpb/demo-world/testing';
import { memberOutbox } from './fixtures';

let federation: Federation;
let world: Seeded;
let from: string;
let to: string;

beforeAll(async () => {
  federation = await startFederation();
  world = await seeded(federation);
  from = branchOf(world.communities[0], 0).id;
  to = branchOf(world.communities[1], 0).id;
});
afterAll(() => federation?.stop());

const request =
  'mutation($m: ID!, $to: ID!, $reason: String!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: $reason) { id status requestedOn fromOrganization { id } toOrganization { id } } }';
const step = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status decidedOn completedOn rejectionReason } }`;
const directCount = 'query($id: ID!) { organization(id: $id) { directMemberCount } }';

async function newMember(organizationId = from): Promise<string> {
  const result = await federation.query<{ createMember: { id: string } }>(
    'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    {
      input: { ...person({ category: 'RETIRED' }), joinedOn: '2010-07-01', organizationId },
    },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createMember.id;
}

async function requested(memberId: string, toOrganizationId = to): Promise<string> {
  const result = await federation.query<{ requestTransfer: { id: string } }>(request, {
    m: memberId,
    to: toOrganizationId,
    reason: '迁居到其他社区',
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.requestTransfer.id;
}

async function held(organizationId: string): Promise<number> {
  return (await federation.query<{ organization: { directMemberCount: number } }>(directCount, { id: organizationId })).data!.organization
    .directMemberCount;
}

describe('transfers of the organisational relationship (组织关系转接), through the gateway', () => {
  it('requests, approves and completes a transfer, moving the member in one step', async () => {
    const memberId = await newMember();
    const [fromBefore, toBefore] = [await held(from), await held(to)];
    const id = await requested(memberId);
    expect(
      (
        await federation.query<{ member: { organization: { id: string } } }>(
          'query($id: ID!) { member(id: $id) { organization { id } } }',
          { id: memberId },
        )
      ).data!.member.organization.id,
    ).toBe(from);

    const approved = await federation.query<{ approveTransfer: { status: string; decidedOn: string } }>(step('approveTransfer'), { id });
    expect(approved.data!.approveTransfer.status).toBe('APPROVED');
    const completed = await federation.query<{ completeTransfer: { status: string; completedOn: string } }>(step('completeTransfer'), {
      id,
    });
    expect(completed.errors).toBeUndefined();
    expect(completed.data!.completeTransfer.status).toBe('COMPLETED');

    const member = await federation.query<{
      member: { organization: { id: string }; transfers: { id: string; status: string; fromOrganization: { id: string } }[] };
    }>('query($id: ID!) { member(id: $id) { organization { id } transfers { id status fromOrganization { id } } } }', { id: memberId });
    expect(member.data!.member.organization.id).toBe(to);
    expect(member.data!.member.transfers).toEqual([{ id, status: 'COMPLETED', fromOrganization: { id: from } }]);
    expect([await held(from), await held(to)]).toEqual([fromBefore - 1, toBefore + 1]);
    const types = (await memberOutbox(federation))
      .filter((e) => (e.payload as { transferId?: string }).transferId === id)
      .map((e) => e.type);
    expect(types).toEqual(['member.transfer-requested', 'member.transfer-approved', 'member.transferred']);
  });

  it('refuses completing a transfer that is not approved, and any step after rejection (CONFLICT)', async () => {
    const id = await requested(await newMember());
    const early = await federation.query(step('completeTransfer'), { id }, await federation.asAdmin({ 'accept-language': 'en' }));
    expect(early.errors![0].extensions?.code).toBe('CONFLICT');
    expect(early.errors![0].message).toContain('approve it first');
    const rejected = await federation.query<{ rejectTransfer: { status: string; rejectionReason: string } }>(
      'mutation($id: ID!) { rejectTransfer(id: $id, reason: "材料不全") { status rejectionReason } }',
      { id },
    );
    expect(rejected.data!.rejectTransfer).toEqual({ status: 'REJECTED', rejectionReason: '材料不全' });
    expect((await federation.query(step('approveTransfer'), { id })).errors![0].extensions?.code).toBe('CONFLICT');
  });

  it('allows at most one open transfer per member (CONFLICT), and a new one after rejection', async () => {
    const memberId = await newMember();
    const first = await requested(memberId);
    const second = await federation.query(
      request,
      { m: memberId, to: branchOf(world.communities[2], 0).id, reason: '工作调动' },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(second.errors![0].extensions?.code).toBe('CONFLICT');
    expect(second.errors![0].message).toContain('open transfer');
    await federation.query(step('rejectTransfer'), { id: first });
    expect((await federation.query(request, { m: memberId, to, reason: '工作调动' })).errors).toBeUndefined();
  });

  it('keeps one open transfer per member when two requests race: exactly one succeeds', async () => {
    const memberId = await newMember();
    const targets = [to, branchOf(world.communities[2], 0).id, branchOf(world.communities[3], 0).id, branchOf(world.communities[4], 0).id];
    const results = await Promise.all(targets.map((target) => federation.query(request, { m: memberId, to: target, reason: '迁居' })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it('backs the rules with constraints: a second open transfer and a member without an organisation are refused by the database', async () => {
    const memberId = await newMember();
    await requested(memberId);
    const db = federation.subgraphs.members.running.database.dataSource;
    await expect(
      db.query(
        `INSERT INTO transfer (member_id, from_organization_id, to_organization_id, reason, status, requested_on) VALUES ($1, $2, $3, 'x', 'REQUESTED', current_date)`,
        [memberId, from, branchOf(world.communities[2], 0).id],
      ),
    ).rejects.toMatchObject({ constraint: 'transfer_one_open_per_member_idx' });
    await expect(db.query('UPDATE member SET organization_id = NULL WHERE id = $1', [memberId])).rejects.toMatchObject({ code: '23502' });
  });

  it('refuses an unknown target (NOT_FOUND on toOrganizationId), a dissolved one (CONFLICT) and the current one (CONFLICT)', async () => {
    const memberId = await newMember();
    const unknown = await federation.query(request, { m: memberId, to: '00000000-0000-4000-8000-000000000000', reason: '迁居' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'toOrganizationId' });

    const created = await federation.query<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: { name: '将撤销的支部', kind: 'BRANCH', scope: 'COMMUNITY', parentId: world.communities[1].partyOrganization.id },
      },
    );
    const doomed = created.data!.createOrganization.id;
    await federation.query('mutation($id: ID!) { dissolveOrganization(id: $id) { status } }', { id: doomed });
    const dissolved = await federation.query(
      request,
      { m: memberId, to: doomed, reason: '迁居' },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(dissolved.errors![0].extensions?.code).toBe('CONFLICT');
    expect(dissolved.errors![0].message).toContain('dissolved');

    const same = await federation.query(request, { m: memberId, to: from, reason: '迁居' });
    expect(same.errors![0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses completing into an organisation dissolved since the request (CONFLICT), leaving the member where they were', async () => {
    const created = await federation.query<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: { name: '临时接收支部', kind: 'BRANCH', scope: 'COMMUNITY', parentId: world.communities[1].partyOrganization.id },
      },
    );
    const target = created.data!.createOrganization.id;
    const memberId = await newMember();
    const id = await requested(memberId, target);
    await federation.query(step('approveTransfer'), { id });
    expect(
      (await federation.query('mutation($id: ID!) { dissolveOrganization(id: $id) { status } }', { id: target })).errors,
    ).toBeUndefined();
    const result = await federation.query(step('completeTransfer'), { id });
    expect(result.errors![0].extensions?.code).toBe('CONFLICT');
    const member = await federation.query<{ member: { organization: { id: string } } }>(
      'query($id: ID!) { member(id: $id) { organization { id } } }',
      { id: memberId },
    );
    expect(member.data!.member.organization.id).toBe(from);
  });

  it('refuses a blank reason (BAD_USER_INPUT on reason) and an unknown member (NOT_FOUND on memberId)', async () => {
    const blank = await federation.query(request, { m: await newMember(), to, reason: ' ' });
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const nobody = await federation.query(request, { m: '00000000-0000-4000-8000-000000000000', to, reason: '迁居' });
    expect(nobody.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'memberId' });
  });

  it('lists the open transfers into an organisation, newest first, including the seeded ones', async () => {
    const id = await requested(await newMember(), world.communities[3].partyOrganization.id);
    const result = await federation.query<{
      transfers: { totalCount: number; edges: { node: { id: string; status: string; toOrganization: { id: string } } }[] };
    }>(
      'query($org: ID!) { transfers(filter: { organizationId: $org, direction: INCOMING, status: REQUESTED }, first: 100) { totalCount edges { node { id status toOrganization { id } } } } }',
      { org: world.communities[3].partyOrganization.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.transfers.edges[0].node.id).toBe(id);
    expect(result.data!.transfers.totalCount).toBe(result.data!.transfers.edges.length);
    for (const edge of result.data!.transfers.edges)
      expect(edge.node).toMatchObject({ status: 'REQUESTED', toOrganization: { id: world.communities[3].partyOrganization.id } });
  });
});
