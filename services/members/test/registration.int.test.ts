import { daysAgo, type Federation, startFederation } from '@cpb/kit/testing';
import { branchOf, person, type Seeded, seeded } from '@cpb/demo-world/testing';
import { memberOutbox } from './fixtures';

let federation: Federation;
let world: Seeded;

beforeAll(async () => {
  federation = await startFederation();
  world = await seeded(federation);
});
afterAll(() => federation?.stop());

const register =
  'mutation($m: ID!, $c: ID) { registerWithCommunity(memberId: $m, communityId: $c) { id status registeredOn community { id } workUnit { id } member { id } } }';
const feedback =
  'mutation($r: ID!, $rating: FeedbackRating!, $comment: String!) { recordFeedback(registrationId: $r, rating: $rating, comment: $comment) { id rating comment registration { id } } }';
const checkIn =
  'mutation($m: ID!, $o: ID!, $on: String) { checkInMigrant(memberId: $m, organizationId: $o, checkedInOn: $on) { id checkedInOn organization { id } member { id } } }';

async function newMember(category: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const community = world.communities[0];
  const result = await federation.query<{ createMember: { id: string } }>(
    'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    {
      input: {
        ...person({ category }),
        joinedOn: '2012-03-01',
        organizationId: branchOf(community, 0).id,
        residenceCommunityId: community.id,
        workUnitId: community.residentUnits[1].id,
        ...overrides,
      },
    },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createMember.id;
}

async function registered(memberId: string): Promise<string> {
  const result = await federation.query<{ registerWithCommunity: { id: string } }>(register, { m: memberId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.registerWithCommunity.id;
}

describe('registration with the community (在职党员到社区报到), through the gateway', () => {
  it('registers an employed member with their residence community, listed in Community.registeredMembers', async () => {
    const memberId = await newMember('EMPLOYED', { name: '报到党员' });
    const result = await federation.query<{
      registerWithCommunity: { status: string; community: { id: string }; workUnit: { id: string } };
    }>(register, { m: memberId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerWithCommunity).toMatchObject({
      status: 'ACTIVE',
      community: { id: world.communities[0].id },
      workUnit: { id: world.communities[0].residentUnits[1].id },
    });
    const listed = await federation.query<{
      community: { registeredMembers: { totalCount: number; edges: { node: { id: string; category: string } }[] } };
    }>('query($id: ID!) { community(id: $id) { registeredMembers(first: 100) { totalCount edges { node { id category } } } } }', {
      id: world.communities[0].id,
    });
    const nodes = listed.data!.community.registeredMembers.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(memberId);
    expect(new Set(nodes.map((n) => n.category))).toEqual(new Set(['EMPLOYED']));
    expect((await memberOutbox(federation)).filter((e) => e.type === 'member.registered-with-community').at(-1)!.payload).toMatchObject({
      memberId,
      communityId: world.communities[0].id,
    });
  });

  it('refuses a member who is not employed (CONFLICT)', async () => {
    const result = await federation.query(
      register,
      { m: await newMember('RETIRED') },
      await federation.asAdmin({ 'accept-language': 'en' }),
    );
    expect(result.errors![0].extensions?.code).toBe('CONFLICT');
    expect(result.errors![0].message).toContain('employed');
  });

  it('refuses a second active registration (CONFLICT), and allows one after the first ended', async () => {
    const memberId = await newMember('EMPLOYED');
    const first = await registered(memberId);
    const second = await federation.query(register, { m: memberId }, await federation.asAdmin({ 'accept-language': 'en' }));
    expect(second.errors![0].extensions?.code).toBe('CONFLICT');
    expect(second.errors![0].message).toContain('already registered');
    const ended = await federation.query<{ endRegistration: { status: string } }>(
      'mutation($id: ID!) { endRegistration(id: $id) { status endedOn } }',
      { id: first },
    );
    expect(ended.data!.endRegistration.status).toBe('ENDED');
    expect((await federation.query(register, { m: memberId })).errors).toBeUndefined();
    const db = federation.subgraphs.members.running.database.dataSource;
    await expect(
      db.query(
        `INSERT INTO community_registration (member_id, community_id, status, registered_on) VALUES ($1, $2, 'ACTIVE', current_date)`,
        [memberId, world.communities[0].id],
      ),
    ).rejects.toMatchObject({ constraint: 'registration_one_active_per_member_idx' });
  });

  it('refuses registering with a community other than the residence one (CONFLICT) and an unknown community (NOT_FOUND)', async () => {
    const memberId = await newMember('EMPLOYED');
    const other = await federation.query(register, { m: memberId, c: world.communities[1].id });
    expect(other.errors![0].extensions?.code).toBe('CONFLICT');
    const homeless = await newMember('EMPLOYED', { residenceCommunityId: null });
    const unknown = await federation.query(register, { m: homeless, c: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'communityId' });
  });

  it("records the community's feedback for the work unit (双向反馈), without the comment in the event", async () => {
    const memberId = await newMember('EMPLOYED');
    const registrationId = await registered(memberId);
    const result = await federation.query<{ recordFeedback: { rating: string; comment: string } }>(feedback, {
      r: registrationId,
      rating: 'EXCELLENT',
      comment: '主动认领楼道服务岗位',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordFeedback).toMatchObject({ rating: 'EXCELLENT', comment: '主动认领楼道服务岗位' });
    const member = await federation.query<{ member: { registrations: { id: string; feedback: { rating: string }[] }[] } }>(
      'query($id: ID!) { member(id: $id) { registrations { id feedback { rating } } } }',
      { id: memberId },
    );
    expect(member.data!.member.registrations).toEqual([{ id: registrationId, feedback: [{ rating: 'EXCELLENT' }] }]);
    const event = (await memberOutbox(federation)).filter((e) => e.type === 'member.feedback-recorded').at(-1)!;
    expect(event.payload).toMatchObject({
      registrationId,
      memberId,
      rating: 'EXCELLENT',
      workUnitId: world.communities[0].residentUnits[1].id,
    });
    expect(JSON.stringify(event.payload)).not.toContain('楼道');
  });

  it('refuses feedback with a blank comment (BAD_USER_INPUT) or on an ended registration (CONFLICT)', async () => {
    const registrationId = await registered(await newMember('EMPLOYED'));
    const blank = await federation.query(feedback, { r: registrationId, rating: 'QUALIFIED', comment: '  ' });
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    await federation.query('mutation($id: ID!) { endRegistration(id: $id) { status } }', { id: registrationId });
    const ended = await federation.query(feedback, { r: registrationId, rating: 'QUALIFIED', comment: '表现良好' });
    expect(ended.errors![0].extensions?.code).toBe('CONFLICT');
  });

  it("refuses changing a registered member's category away from employed (CONFLICT)", async () => {
    const memberId = await newMember('EMPLOYED');
    await registered(memberId);
    const result = await federation.query('mutation($id: ID!) { updateMember(id: $id, input: { category: RETIRED }) { id } }', {
      id: memberId,
    });
    expect(result.errors![0].extensions?.code).toBe('CONFLICT');
  });
});

describe('migrant members (流动党员) checking in at a migrant member station', () => {
  it('checks a migrant member in at a MIGRANT-scope organisation, once a day', async () => {
    const memberId = await newMember('MIGRANT');
    const station = branchOf(world.communities[2], 'MIGRANT').id;
    const result = await federation.query<{ checkInMigrant: { checkedInOn: string; organization: { id: string } } }>(checkIn, {
      m: memberId,
      o: station,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.checkInMigrant).toMatchObject({ checkedInOn: daysAgo(0), organization: { id: station } });
    expect((await memberOutbox(federation)).filter((e) => e.type === 'member.migrant-checked-in').at(-1)!.payload).toMatchObject({
      memberId,
      organizationId: station,
    });
    const again = await federation.query(checkIn, { m: memberId, o: station });
    expect(again.errors![0].extensions?.code).toBe('CONFLICT');
    expect((await federation.query(checkIn, { m: memberId, o: station, on: daysAgo(30) })).errors).toBeUndefined();
    const history = await federation.query<{ member: { migrantCheckIns: { checkedInOn: string }[] } }>(
      'query($id: ID!) { member(id: $id) { migrantCheckIns { checkedInOn } } }',
      { id: memberId },
    );
    expect(history.data!.member.migrantCheckIns.map((c) => c.checkedInOn)).toEqual([daysAgo(0), daysAgo(30)]);
  });

  it('refuses a member who is not a migrant (CONFLICT), a station that is not MIGRANT scope (BAD_USER_INPUT) and an unknown one (NOT_FOUND)', async () => {
    const notMigrant = await federation.query(checkIn, { m: await newMember('RETIRED'), o: branchOf(world.communities[2], 'MIGRANT').id });
    expect(notMigrant.errors![0].extensions?.code).toBe('CONFLICT');
    const migrant = await newMember('MIGRANT');
    const wrongScope = await federation.query(checkIn, { m: migrant, o: branchOf(world.communities[2], 0).id });
    expect(wrongScope.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const unknown = await federation.query(checkIn, { m: migrant, o: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });
});
