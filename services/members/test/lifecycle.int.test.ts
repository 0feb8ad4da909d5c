import { daysAgo, type Federation, startFederation, yearsAgo } from '@cpb/kit/testing';
import { branchOf, person, type Seeded, seeded } from '@cpb/demo-world/testing';
import { expectNoPersonalData, MEMBER_FIELDS, memberOutbox } from './fixtures';

let federation: Federation;
let world: Seeded;

beforeAll(async () => {
  federation = await startFederation();
  world = await seeded(federation);
});
afterAll(() => federation?.stop());

const record =
  'mutation($input: RecordApplicantInput!) { recordApplicant(input: $input) { id stage appliedOn activistOn candidateOn organization { id } admittedAs { id } } }';
const advance =
  'mutation($id: ID!, $stage: ApplicantStage!, $on: String) { advanceApplicant(id: $id, stage: $stage, on: $on) { id stage activistOn candidateOn } }';
const admit = `mutation($id: ID!, $on: String) { admitMember(applicantId: $id, joinedOn: $on) { ${MEMBER_FIELDS} admittedFrom { id stage } } }`;
const convert =
  'mutation($id: ID!, $on: String) { convertToFullMember(memberId: $id, convertedOn: $on) { id status probationEndsOn convertedOn } }';

type Member = {
  id: string;
  status: string;
  joinedOn: string;
  probationEndsOn: string | null;
  organization: { id: string };
  admittedFrom: { id: string };
};

async function recordApplicant(overrides: Record<string, unknown> = {}): Promise<string> {
  const community = world.communities[1];
  const result = await federation.query<{ recordApplicant: { id: string } }>(record, {
    input: {
      ...person({ category: 'STUDENT' }),
      organizationId: branchOf(community, 1).id,
      residenceCommunityId: community.id,
      appliedOn: yearsAgo(3),
      ...overrides,
    },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.recordApplicant.id;
}

/** An applicant taken through the stages: activist 2 years ago, candidate 100 days ago. */
async function candidate(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await recordApplicant(overrides);
  expect((await federation.query(advance, { id, stage: 'ACTIVIST', on: yearsAgo(2) })).errors).toBeUndefined();
  expect((await federation.query(advance, { id, stage: 'CANDIDATE', on: daysAgo(100) })).errors).toBeUndefined();
  return id;
}

describe('applicants (入党申请人 → 积极分子 → 发展对象), through the gateway', () => {
  it('records an application with applicant.recorded (no personal data) and lists it', async () => {
    const input = { ...person({ name: '新申请人' }), organizationId: branchOf(world.communities[1], 1).id };
    const result = await federation.query<{ recordApplicant: { id: string; stage: string } }>(record, { input });
    expect(result.data!.recordApplicant.stage).toBe('APPLICANT');
    const listed = await federation.query<{ applicants: { edges: { node: { id: string } }[] } }>(
      'query($org: ID!) { applicants(filter: { organizationId: $org, stage: APPLICANT }, first: 100) { edges { node { id } } } }',
      { org: input.organizationId },
    );
    expect(listed.data!.applicants.edges.map((e) => e.node.id)).toContain(result.data!.recordApplicant.id);
    const events = (await memberOutbox(federation)).filter((e) => e.type === 'applicant.recorded');
    expect(events.at(-1)!.payload).toMatchObject({ applicantId: result.data!.recordApplicant.id, stage: 'APPLICANT' });
    expectNoPersonalData(
      events.map((e) => e.payload),
      input,
    );
  });

  it('refuses an applicant under 18 (BAD_USER_INPUT on appliedOn) and an unknown organisation (NOT_FOUND)', async () => {
    const young = await federation.query(record, {
      input: { ...person({ birthDate: yearsAgo(17) }), organizationId: branchOf(world.communities[1], 1).id },
    });
    expect(young.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'appliedOn' });
    const unknown = await federation.query(record, { input: { ...person(), organizationId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });

  it('moves one stage at a time, a candidate only after a year as activist (CONFLICT otherwise)', async () => {
    const id = await recordApplicant();
    const skip = await federation.query(advance, { id, stage: 'CANDIDATE' });
    expect(skip.errors![0].extensions?.code).toBe('CONFLICT');
    expect((await federation.query(advance, { id, stage: 'ACTIVIST', on: daysAgo(200) })).errors).toBeUndefined();
    const early = await federation.query(advance, { id, stage: 'CANDIDATE' }, await federation.asAdmin({ 'accept-language': 'en' }));
    expect(early.errors![0].extensions?.code).toBe('CONFLICT');
    expect(early.errors![0].message).toContain('a year as activist');
  });

  it('refuses admitting an applicant who is not yet a candidate (CONFLICT)', async () => {
    const id = await recordApplicant();
    const result = await federation.query(admit, { id }, await federation.asAdmin({ 'accept-language': 'en' }));
    expect(result.errors![0].extensions?.code).toBe('CONFLICT');
    expect(result.errors![0].message).toContain('only a candidate');
  });
});

describe('admission, probation and conversion (预备党员 → 正式党员)', () => {
  it('admits a candidate as a PROBATIONARY member of the same organisation, probation ending a year later', async () => {
    const id = await candidate();
    const result = await federation.query<{ admitMember: Member }>(admit, { id, on: daysAgo(10) });
    expect(result.errors).toBeUndefined();
    const member = result.data!.admitMember;
    expect(member).toMatchObject({
      status: 'PROBATIONARY',
      joinedOn: daysAgo(10),
      admittedFrom: { id },
      organization: { id: branchOf(world.communities[1], 1).id },
    });
    expect(member.probationEndsOn).toBe(`${Number(member.joinedOn.slice(0, 4)) + 1}${member.joinedOn.slice(4)}`);
    expect((await memberOutbox(federation)).filter((e) => e.type === 'member.admitted').at(-1)!.payload).toMatchObject({
      memberId: member.id,
      applicantId: id,
    });

    const again = await federation.query(admit, { id });
    expect(again.errors![0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses conversion to full membership before the year of probation is over (CONFLICT)', async () => {
    const admitted = await federation.query<{ admitMember: Member }>(admit, { id: await candidate(), on: daysAgo(30) });
    const result = await federation.query(convert, { id: admitted.data!.admitMember.id });
    expect(result.errors![0].extensions?.code).toBe('CONFLICT');
    expect(result.errors![0].message).toContain(admitted.data!.admitMember.probationEndsOn!);
  });

  it('converts once the year is over, and then refuses converting again', async () => {
    const id = await recordApplicant({ appliedOn: yearsAgo(4) });
    await federation.query(advance, { id, stage: 'ACTIVIST', on: yearsAgo(4) });
    await federation.query(advance, { id, stage: 'CANDIDATE', on: yearsAgo(2) });
    const admitted = await federation.query<{ admitMember: Member }>(admit, { id, on: yearsAgo(1, 5) });
    const memberId = admitted.data!.admitMember.id;
    const result = await federation.query<{ convertToFullMember: { status: string; probationEndsOn: null; convertedOn: string } }>(
      convert,
      { id: memberId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.convertToFullMember).toMatchObject({ status: 'FULL', probationEndsOn: null, convertedOn: daysAgo(0) });
    expect((await memberOutbox(federation)).filter((e) => e.type === 'member.converted-to-full').at(-1)!.payload).toMatchObject({
      memberId,
    });
    expect((await federation.query(convert, { id: memberId })).errors![0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses a join date in the future (BAD_USER_INPUT on joinedOn)', async () => {
    const result = await federation.query(admit, { id: await candidate(), on: daysAgo(-1) });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'joinedOn' });
  });
});

describe('the census ("five clears" 五个清): members and activists per community', () => {
  it('counts residents who are members and activists or candidates not yet admitted, for many communities in one query', async () => {
    const query = 'query { communities(first: 6) { edges { node { id census { members activists } } } } }';
    const before = await federation.query<{
      communities: { edges: { node: { id: string; census: { members: number; activists: number } } }[] };
    }>(query);
    expect(before.errors).toBeUndefined();
    const counts = before.data!.communities.edges.map((e) => e.node);
    const everyone = await federation.query<{ members: { totalCount: number } }>('{ members(first: 1) { totalCount } }');
    expect(counts.reduce((sum, c) => sum + c.census.members, 0)).toBe(everyone.data!.members.totalCount);
    const target = counts.find((c) => c.id === world.communities[2].id)!;
    const id = await recordApplicant({ residenceCommunityId: target.id });
    await federation.query(advance, { id, stage: 'ACTIVIST', on: daysAgo(5) });
    const after = await federation.query<typeof before.data>(query);
    const changed = after.data!.communities.edges.find((e) => e.node.id === target.id)!.node;
    expect(changed.census).toEqual({ members: target.census.members, activists: target.census.activists + 1 });
  });
});
