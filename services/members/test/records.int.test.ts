import { daysAgo, type Federation, startFederation, yearsAgo } from '@cpb/kit/testing';
import { branchOf, idNumberFor, person, seeded, type Seeded } from '@cpb/demo-world/testing';
import { expectNoPersonalData, MEMBER_FIELDS, memberOutbox } from './fixtures';

let federation: Federation;
let world: Seeded;

beforeAll(async () => {
  federation = await startFederation();
  world = await seeded(federation);
});
afterAll(() => federation?.stop());

const create = `mutation($input: CreateMemberInput!) { createMember(input: $input) { ${MEMBER_FIELDS} } }`;
type Created = { createMember: { id: string; status: string; probationEndsOn: string | null; organization: { id: string } } };

function memberInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const community = world.communities[0];
  return {
    ...person(),
    joinedOn: '2015-07-01',
    organizationId: branchOf(community, 0).id,
    residenceCommunityId: community.id,
    skills: ['LEGAL', 'LEGAL', 'IT'],
    ...overrides,
  };
}

/** Asked in English: the assertions read the refusals' English wording. */
async function refusal(input: Record<string, unknown>) {
  const result = await federation.query(create, { input }, await federation.asAdmin({ 'accept-language': 'en' }));
  expect(result.data).toBeNull();
  return result.errors![0];
}

describe('recording a member (createMember), through the gateway', () => {
  it('records a member, full after a year, with the member.recorded event carrying no personal data', async () => {
    const input = memberInput({ name: '  周建华 ', workUnitId: world.communities[0].residentUnits[0].id });
    const result = await federation.query<Created & { createMember: { name: string; skills: string[]; workUnit: { id: string } } }>(
      create,
      { input },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createMember).toMatchObject({
      name: '周建华',
      status: 'FULL',
      probationEndsOn: null,
      skills: ['LEGAL', 'IT'],
      workUnit: { id: input.workUnitId },
    });
    const events = (await memberOutbox(federation)).filter((e) => e.type === 'member.recorded');
    expect(events.at(-1)!.payload).toMatchObject({ memberId: result.data!.createMember.id, status: 'FULL', category: 'EMPLOYED' });
    expectNoPersonalData(
      events.map((e) => e.payload),
      input,
    );
  });

  it('makes a member who joined less than a year ago PROBATIONARY until the anniversary, and refuses FULL for them', async () => {
    const joinedOn = daysAgo(100);
    const result = await federation.query<Created>(create, { input: memberInput({ joinedOn }) });
    expect(result.data!.createMember.status).toBe('PROBATIONARY');
    expect(result.data!.createMember.probationEndsOn).toBe(`${Number(joinedOn.slice(0, 4)) + 1}${joinedOn.slice(4)}`);
    expect(await refusal(memberInput({ joinedOn, status: 'FULL' }))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'status' },
    });
  });

  it('refuses a resident ID number with a wrong check digit (BAD_USER_INPUT on idNumber)', async () => {
    const good = idNumberFor('1990-05-17');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const error = await refusal(memberInput({ idNumber: wrong }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    expect(error.message).toContain('GB 11643');
  });

  it('refuses an ID number of the wrong length or whose birth date differs from birthDate', async () => {
    expect((await refusal(memberInput({ idNumber: '32010219900517123' }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idNumber',
    });
    expect((await refusal(memberInput({ idNumber: idNumberFor('1990-05-18') }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idNumber',
    });
  });

  it('refuses a phone that is not a mainland mobile number (BAD_USER_INPUT on phone)', async () => {
    expect((await refusal(memberInput({ phone: '010-62345678' }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });

  it('refuses an empty name and one over 50 characters (BAD_USER_INPUT on name)', async () => {
    expect((await refusal(memberInput({ name: '   ' }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await refusal(memberInput({ name: '张'.repeat(51) }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('refuses a join date before the 18th birthday or in the future (BAD_USER_INPUT on joinedOn)', async () => {
    const young = await refusal(memberInput({ ...person({ birthDate: '2000-03-10' }), joinedOn: '2018-03-09' }));
    expect(young.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'joinedOn' });
    expect(young.message).toContain('18th birthday');
    const future = await refusal(memberInput({ joinedOn: daysAgo(-3) }));
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'joinedOn' });
    const adult = await federation.query<Created>(create, {
      input: memberInput({ ...person({ birthDate: '2000-03-10' }), joinedOn: '2018-03-10' }),
    });
    expect(adult.errors).toBeUndefined();
  });

  it('refuses unknown organisations, units and communities with NOT_FOUND naming the field', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await refusal(memberInput({ organizationId: unknown }))).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'organizationId',
    });
    expect((await refusal(memberInput({ workUnitId: unknown }))).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'workUnitId' });
    expect((await refusal(memberInput({ residenceCommunityId: unknown }))).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'residenceCommunityId',
    });
    expect((await refusal(memberInput({ organizationId: 'not-an-id' }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
    });
  });

  it('refuses a dissolved organisation (CONFLICT) and a second member with the same ID number (CONFLICT)', async () => {
    const created = await federation.query<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: { name: '已撤销支部', kind: 'BRANCH', scope: 'COMMUNITY', parentId: world.communities[0].partyOrganization.id },
      },
    );
    const orgId = created.data!.createOrganization.id;
    await federation.query('mutation($id: ID!) { dissolveOrganization(id: $id) { status } }', { id: orgId });
    const dissolved = await refusal(memberInput({ organizationId: orgId }));
    expect(dissolved.extensions?.code).toBe('CONFLICT');
    expect(dissolved.message).toContain('dissolved');

    const input = memberInput();
    expect((await federation.query(create, { input })).errors).toBeUndefined();
    expect((await refusal({ ...input, name: '另一人' })).extensions?.code).toBe('CONFLICT');
  });
});

describe('changing a member (updateMember)', () => {
  const update = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { ${MEMBER_FIELDS} phone responsibilityArea } }`;

  it('changes only the given fields and names them in member.updated, without their personal values', async () => {
    const created = await federation.query<Created>(create, { input: memberInput() });
    const id = created.data!.createMember.id;
    const result = await federation.query<{
      updateMember: { phone: string; skills: string[]; responsibilityArea: string; organization: { id: string } };
    }>(update, {
      id,
      input: { phone: '137 0000 1111', skills: ['MEDICAL'], responsibilityArea: '3号楼2单元' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateMember).toMatchObject({
      phone: '13700001111',
      skills: ['MEDICAL'],
      responsibilityArea: '3号楼2单元',
      organization: created.data!.createMember.organization,
    });
    const event = (await memberOutbox(federation)).filter((e) => e.type === 'member.updated').at(-1)!;
    expect(event.payload).toMatchObject({ memberId: id, changedFields: ['phone', 'skills', 'responsibilityArea'], skills: ['MEDICAL'] });
    expect(JSON.stringify(event.payload)).not.toContain('13700001111');
  });

  it('refuses a bad phone (BAD_USER_INPUT) and an unknown member (NOT_FOUND)', async () => {
    const created = await federation.query<Created>(create, { input: memberInput() });
    const bad = await federation.query(update, { id: created.data!.createMember.id, input: { phone: '12345' } });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    const unknown = await federation.query(update, { id: '00000000-0000-4000-8000-000000000000', input: { name: '某人' } });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('looks a member up by id, and refuses a malformed id with BAD_USER_INPUT', async () => {
    const created = await federation.query<Created>(create, { input: memberInput({ joinedOn: yearsAgo(3) }) });
    const found = await federation.query<{ member: { id: string } }>('query($id: ID!) { member(id: $id) { id } }', {
      id: created.data!.createMember.id,
    });
    expect(found.data!.member.id).toBe(created.data!.createMember.id);
    const malformed = await federation.query('{ member(id: "x") { id } }');
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
