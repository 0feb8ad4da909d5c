import { type Federation, refusal, startFederation } from '@cpb/kit/testing';
import { type CommunityFixture, firstCommunity, membersOf } from '@cpb/demo-world/testing';
import { outboxTypes } from './fixtures';

// Four subgraphs and the gateway start on fresh, seeded databases: seconds, more on a busy machine.

let federation: Federation;
let community: CommunityFixture;
let liaisons: string[];
/** A unit of the community without an active agreement (the seed has it terminate its agreement). */
let unit: { id: string; name: string };

type AgreementView = {
  id: string;
  status: string;
  validFrom: string;
  validTo: string;
  communityOrganization: { id: string };
  partnerUnit: { id: string };
  partnerOrganization: { id: string } | null;
  communityLiaison: { id: string };
  unitLiaison: { id: string };
  commitments: { id: string; side: string; item: string; dueBy: string; status: string }[];
};
const fields =
  'id status validFrom validTo communityOrganization { id } partnerUnit { id } partnerOrganization { id } communityLiaison { id } unitLiaison { id } commitments { id side item dueBy status }';
const sign = `mutation($input: SignAgreementInput!) { signAgreement(input: $input) { ${fields} } }`;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const inTwoYears = `${Number(today.slice(0, 4)) + 2}-${today.slice(5, 10) === '02-29' ? '02-28' : today.slice(5)}`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    input: {
      communityId: community.id,
      partnerUnitId: unit.id,
      title: '结对共建协议',
      validTo: inTwoYears,
      communityLiaisonId: liaisons[0],
      unitLiaisonId: liaisons[1],
      ...overrides,
    },
  };
}

async function signed(overrides: Record<string, unknown> = {}): Promise<AgreementView> {
  const result = await federation.query<{ signAgreement: AgreementView }>(sign, input(overrides));
  expect(result.errors).toBeUndefined();
  return result.data!.signAgreement;
}

beforeAll(async () => {
  federation = await startFederation();
  community = await firstCommunity(federation);
  liaisons = await membersOf(federation, community.id, 3);
  const units = await federation.query<{ community: { residentUnits: { id: string; name: string; agreements: { id: string }[] }[] } }>(
    'query($id: ID!) { community(id: $id) { residentUnits { id name agreements(status: ACTIVE) { id } } } }',
    { id: community.id },
  );
  unit = units.data!.community.residentUnits.find((u) => u.agreements.length === 0)!;
});
afterAll(() => federation?.stop());

describe('co-building agreements (共建协议), through the gateway', () => {
  let agreement: AgreementView;

  it('signs an agreement with the six ones (六个一) of each side by default and records agreement.signed', async () => {
    agreement = await signed();
    expect(agreement).toMatchObject({
      status: 'ACTIVE',
      validFrom: today,
      validTo: inTwoYears,
      communityOrganization: { id: community.partyOrganization.id },
      partnerUnit: { id: unit.id },
    });
    expect(agreement.communityLiaison.id).toBe(liaisons[0]);
    expect(agreement.commitments.map((c) => `${c.side}:${c.item}`)).toEqual([
      'COMMUNITY:确定一个社区党建主题',
      'COMMUNITY:制定一个联手共建规划',
      'COMMUNITY:健全一套联手共建制度',
      'COMMUNITY:召开一次年度共建联席会',
      'COMMUNITY:组织一系列社区党建活动',
      'COMMUNITY:提供一个良好的工作生活环境',
      'UNIT:制定一个共建方案',
      'UNIT:明确一名共建联络员',
      'UNIT:建立一支志愿者服务队',
      'UNIT:主动为社区办一件实事',
      'UNIT:参与一系列社区党建活动',
      'UNIT:建成一个社区共建基地',
    ]);
    expect(agreement.commitments.every((c) => c.status === 'PENDING')).toBe(true);
    expect(await outboxTypes(federation)).toContain('agreement.signed');
  });

  it('refuses a second active agreement for the same community and unit (CONFLICT)', async () => {
    const second = await federation.query(sign, input(), await federation.asAdmin({ 'accept-language': 'en' }));
    expect(refusal(second)).toEqual({ code: 'CONFLICT' });
    expect(second.errors![0].message).toBe(`${community.name} and ${unit.name} already have an active co-building agreement`);
  });

  it('refuses malformed terms with BAD_USER_INPUT naming the field, and unknown parties with NOT_FOUND', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(refusal(await federation.query(sign, input({ validFrom: '2026-06-01', validTo: '2026-05-01' })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'validTo',
    });
    expect(
      refusal(await federation.query(sign, input({ signedOn: '2020-01-01', validFrom: '2020-01-01', validTo: '2021-01-01' }))),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'validTo' });
    expect(refusal(await federation.query(sign, input({ unitLiaisonId: liaisons[0] })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'unitLiaisonId',
    });
    expect(refusal(await federation.query(sign, input({ commitments: [] })))).toEqual({ code: 'BAD_USER_INPUT', field: 'commitments' });
    expect(
      refusal(await federation.query(sign, input({ commitments: [{ side: 'UNIT', item: '建成一个社区共建基地', dueBy: '2099-01-01' }] }))),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'commitments[0].dueBy' });
    expect(refusal(await federation.query(sign, input({ partnerUnitId: nobody })))).toEqual({ code: 'NOT_FOUND', field: 'partnerUnitId' });
    expect(refusal(await federation.query(sign, input({ communityId: nobody })))).toEqual({ code: 'NOT_FOUND', field: 'communityId' });
    expect(refusal(await federation.query(sign, input({ communityLiaisonId: nobody })))).toEqual({
      code: 'NOT_FOUND',
      field: 'communityLiaisonId',
    });
  });

  it('records progress PENDING → IN_PROGRESS → DONE with notes; DONE is final (CONFLICT)', async () => {
    const progress =
      'mutation($id: ID!, $s: CommitmentStatus!, $n: String!) { progressCommitment(commitmentId: $id, status: $s, note: $n) { status completedOn progressNotes { status note recordedOn } } }';
    const id = agreement.commitments[6].id;
    await federation.query(progress, { id, s: 'IN_PROGRESS', n: '方案已起草' });
    const done = await federation.query<{
      progressCommitment: { status: string; completedOn: string; progressNotes: { status: string; note: string }[] };
    }>(progress, { id, s: 'DONE', n: '方案经双方党组织审定' });
    expect(done.data!.progressCommitment).toMatchObject({ status: 'DONE', completedOn: today });
    expect(done.data!.progressCommitment.progressNotes.map((n) => `${n.status}:${n.note}`)).toEqual([
      'IN_PROGRESS:方案已起草',
      'DONE:方案经双方党组织审定',
    ]);
    expect(refusal(await federation.query(progress, { id, s: 'IN_PROGRESS', n: '再次推进' }))).toEqual({ code: 'CONFLICT' });
    expect(refusal(await federation.query(progress, { id: agreement.commitments[0].id, s: 'PENDING', n: '退回' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'status',
    });
    expect(await outboxTypes(federation)).toContain('commitment.progressed');
  });

  it('reviews a year: the commitments due in it, done and open; added commitments count in their year', async () => {
    const dueYear = Number(agreement.commitments[0].dueBy.slice(0, 4));
    const added = await federation.query<{ addCommitment: { dueBy: string } }>(
      'mutation($id: ID!, $c: CommitmentInput!) { addCommitment(agreementId: $id, input: $c) { dueBy } }',
      {
        id: agreement.id,
        c: { side: 'UNIT', item: '主动为社区办一件实事（第二年）', dueBy: inTwoYears },
      },
    );
    expect(added.errors).toBeUndefined();
    const review =
      'query($id: ID!, $y: Int!) { agreement(id: $id) { review(year: $y) { year due done open overdue completionRate doneCommitments { item } } } }';
    const first = await federation.query<{ agreement: { review: Record<string, unknown> } }>(review, { id: agreement.id, y: dueYear });
    expect(first.data!.agreement.review).toEqual({
      year: dueYear,
      due: 12,
      done: 1,
      open: 11,
      overdue: 0,
      completionRate: 0.0833,
      doneCommitments: [{ item: '制定一个共建方案' }],
    });
    const second = await federation.query<{ agreement: { review: { due: number } } }>(review, {
      id: agreement.id,
      y: Number(inTwoYears.slice(0, 4)),
    });
    expect(second.data!.agreement.review.due).toBe(1);
    const outside = await federation.query(
      'mutation($id: ID!, $c: CommitmentInput!) { addCommitment(agreementId: $id, input: $c) { id } }',
      { id: agreement.id, c: { side: 'UNIT', item: 'x', dueBy: '2099-01-01' } },
    );
    expect(refusal(outside)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.dueBy' });
  });

  it('lists the agreement under the community, the unit and the organisation that signed', async () => {
    const result = await federation.query<{
      community: { agreements: { id: string }[] };
      organization: { agreements: { id: string }[] };
      residentUnit: { agreements: { id: string }[] };
    }>(
      'query($c: ID!, $o: ID!, $u: ID!) { community(id: $c) { agreements(status: ACTIVE) { id } } organization(id: $o) { agreements { id } } residentUnit(id: $u) { agreements { id } } }',
      { c: community.id, o: community.partyOrganization.id, u: unit.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.community.agreements.map((a) => a.id)).toContain(agreement.id);
    expect(result.data!.organization.agreements.map((a) => a.id)).toContain(agreement.id);
    expect(result.data!.residentUnit.agreements[0].id).toBe(agreement.id);
    const organised = community.residentUnits.find((u) => u.partyOrganization)!;
    const partner = await federation.query<{
      organization: { agreements: { partnerUnit: { id: string }; partnerOrganization: { id: string } }[] };
    }>('query($o: ID!) { organization(id: $o) { agreements(status: ACTIVE) { partnerUnit { id } partnerOrganization { id } } } }', {
      o: organised.partyOrganization!.id,
    });
    expect(partner.data!.organization.agreements).toEqual([
      { partnerUnit: { id: organised.id }, partnerOrganization: { id: organised.partyOrganization!.id } },
    ]);
  });

  it('terminates an agreement in force; afterwards its commitments take no progress and the pair may sign again', async () => {
    const terminate =
      'mutation($id: ID!) { terminateAgreement(id: $id, reason: "单位搬迁", reasonCode: UNIT_RELOCATED) { status terminatedOn terminationReason terminationReasonCode } }';
    const result = await federation.query<{ terminateAgreement: Record<string, string> }>(terminate, { id: agreement.id });
    expect(result.data!.terminateAgreement).toEqual({
      status: 'TERMINATED',
      terminatedOn: today,
      terminationReason: '单位搬迁',
      terminationReasonCode: 'UNIT_RELOCATED',
    });
    expect(refusal(await federation.query(terminate, { id: agreement.id }))).toEqual({ code: 'CONFLICT' });
    const progress = await federation.query(
      'mutation($id: ID!) { progressCommitment(commitmentId: $id, status: DONE, note: "补记") { status } }',
      { id: agreement.commitments[0].id },
    );
    expect(refusal(progress)).toEqual({ code: 'CONFLICT' });
    expect((await outboxTypes(federation)).slice(-2)).toEqual(['agreement.terminated', 'agreement.terminated.v2']);
  });

  it('signs exactly one of two concurrent agreements for one pair (the partial unique index decides)', async () => {
    const results = await Promise.all([federation.query(sign, input()), federation.query(sign, input())]);
    expect(results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('reads an active agreement past its validTo as EXPIRED, and lets the pair sign a new one', async () => {
    const db = federation.subgraphs.resources.running.database.dataSource;
    await db.query(
      `UPDATE agreement SET status = 'TERMINATED', terminated_on = signed_on, termination_reason_code = 'OTHER' WHERE partner_unit_id = $1 AND status = 'ACTIVE'`,
      [unit.id],
    );
    const [lapsed]: { id: string }[] = await db.query(
      `INSERT INTO agreement (id, community_id, community_organization_id, partner_unit_id, title, signed_on, valid_from, valid_to, status, community_liaison_id, unit_liaison_id)
       VALUES (gen_random_uuid(), $1, $2, $3, '旧协议', '2020-01-01', '2020-01-01', '2021-12-31', 'ACTIVE', $4, $5) RETURNING id`,
      [community.id, community.partyOrganization.id, unit.id, liaisons[0], liaisons[1]],
    );
    const read = await federation.query<{ agreement: { status: string }; agreements: { edges: { node: { id: string } }[] } }>(
      'query($id: ID!, $u: ID!) { agreement(id: $id) { status } agreements(filter: { partnerUnitId: $u, status: EXPIRED }) { edges { node { id } } } }',
      { id: lapsed.id, u: unit.id },
    );
    expect(read.data!.agreement.status).toBe('EXPIRED');
    expect(read.data!.agreements.edges.map((e) => e.node.id)).toContain(lapsed.id);
    await signed();
    const [row]: { status: string }[] = await db.query('SELECT status FROM agreement WHERE id = $1', [lapsed.id]);
    expect(row.status).toBe('EXPIRED');
  });
});
