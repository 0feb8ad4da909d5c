/**
 * Probation extension (延长预备期, issue 17): once, by 6 to 12 months, decided before the year of
 * probation ends; through the gateway on the real Postgres server, the event on the mock broker.
 */
import { addMonths } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { onBroker, outboxRows, startOnBroker, type OnBroker } from '@cpb/kit/testing';
import {
  branchOf,
  codeOf,
  codesByPersona,
  headersOf,
  outsidersRefused,
  person,
  type PersonaName,
  seeded,
  type SeededCommunity,
} from '@cpb/demo-world/testing';
import { daysAgo } from '@cpb/kit/testing';

let stack: OnBroker;
let community0: SeededCommunity;

beforeAll(async () => {
  stack = await startOnBroker('members');
  const world = await seeded(stack.federation);
  community0 = world.communities.find((c) => c.partyOrganization.id === worldId('org-community', 0))!;
});
afterAll(() => stack?.stop());

const extend = `mutation($id: ID!, $months: Int!, $reason: String!, $on: String) {
  extendProbation(memberId: $id, months: $months, reason: $reason, extendedOn: $on) { id status probationEndsOn probationExtension { months extendedOn previousEndsOn probationEndsOn reason } } }`;
const english = async (persona: PersonaName = 'districtAdmin') => ({ ...(await headersOf(persona)), 'accept-language': 'en' });

/** A member of a branch of community 0 who joined `joinedOn` (probationary unless the year is over and the status is given). */
async function probationer(joinedOn: string, status = 'PROBATIONARY'): Promise<string> {
  const result = await stack.federation.query<{ createMember: { id: string } }>(
    'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }',
    {
      i: { ...person(), joinedOn, status, organizationId: branchOf(community0, 0).id },
    },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createMember.id;
}

type Extended = { extendProbation: { status: string; probationEndsOn: string; probationExtension: Record<string, unknown> } };

describe('extendProbation (延长预备期)', () => {
  it('extends a probationary member by 6 months from the end of the year: new end, the extension on the record, member.probation-extended with no reason', async () => {
    const joinedOn = daysAgo(300);
    const id = await probationer(joinedOn);
    const yearEnds = addMonths(joinedOn, 12);
    const result = await stack.federation.query<Extended>(extend, { id, months: 6, reason: '对党的认识尚需提高，支部大会决定延长预备期' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.extendProbation).toEqual({
      id,
      status: 'PROBATIONARY',
      probationEndsOn: addMonths(yearEnds, 6),
      probationExtension: {
        months: 6,
        extendedOn: daysAgo(0),
        previousEndsOn: yearEnds,
        probationEndsOn: addMonths(yearEnds, 6),
        reason: '对党的认识尚需提高，支部大会决定延长预备期',
      },
    });
    const rows = (await outboxRows(stack.federation, 'members', 'member.probation-extended')).filter((r) => r.aggregate_id === id);
    expect(rows.map((r) => r.payload)).toEqual([
      {
        memberId: id,
        organizationId: branchOf(community0, 0).id,
        months: 6,
        extendedOn: daysAgo(0),
        previousEndsOn: yearEnds,
        probationEndsOn: addMonths(yearEnds, 6),
      },
    ]);
    const [event] = await onBroker(stack.reader, 'member.probation-extended', id);
    expect(event.data).toEqual(rows[0].payload);
    expect(JSON.stringify(event)).not.toContain('支部大会');
  });

  it('extends by 12 months at most, and refuses 5 and 13 (BAD_USER_INPUT on months)', async () => {
    const id = await probationer(daysAgo(200));
    for (const months of [5, 13, 0, -6]) {
      const refused = await stack.federation.query(extend, { id, months, reason: '延长' }, await english());
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
      expect(refused.errors![0].message).toBe('months must be a whole number of months from 6 to 12');
    }
    const twelve = await stack.federation.query<Extended>(extend, { id, months: 12, reason: '延长一年' });
    expect(twelve.data!.extendProbation.probationEndsOn).toBe(addMonths(daysAgo(200), 24));
  });

  it('extends once only: a second extension is refused (CONFLICT), saying when and by how much', async () => {
    const id = await probationer(daysAgo(250));
    expect((await stack.federation.query(extend, { id, months: 6, reason: '第一次' })).errors).toBeUndefined();
    const again = await stack.federation.query(extend, { id, months: 6, reason: '第二次' }, await english());
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toContain(`already extended, on ${daysAgo(0)}, by 6 months`);
  });

  it('two extensions of one member sent at once: one succeeds, the other is refused, one row and one event', async () => {
    const id = await probationer(daysAgo(240));
    const results = await Promise.all([7, 8].map((months) => stack.federation.query(extend, { id, months, reason: '同时提交' })));
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined].sort());
    const rows: unknown[] = await stack.federation.subgraphs.members.running.database.dataSource.query(
      'SELECT 1 FROM probation_extension WHERE member_id = $1',
      [id],
    );
    expect(rows).toHaveLength(1);
    expect((await outboxRows(stack.federation, 'members', 'member.probation-extended')).filter((r) => r.aggregate_id === id)).toHaveLength(
      1,
    );
  });

  it('is decided before the year ends: refused on or after the last day (CONFLICT), accepted when dated before it', async () => {
    const ended = await probationer(daysAgo(400));
    const late = await stack.federation.query(extend, { id: ended, months: 6, reason: '迟了' }, await english());
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toBe(
      `测试党员's year of probation ended on ${addMonths(daysAgo(400), 12)}: an extension is decided before it ends`,
    );
    const onTheDay = await stack.federation.query(extend, { id: ended, months: 6, reason: '当天', on: addMonths(daysAgo(400), 12) });
    expect(codeOf(onTheDay)).toBe('CONFLICT');
    // The branch decided in time and records it afterwards.
    const recorded = await stack.federation.query<Extended>(extend, {
      id: ended,
      months: 6,
      reason: '补录',
      on: addMonths(daysAgo(400), 11),
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.extendProbation.probationEndsOn).toBe(addMonths(daysAgo(400), 18));
  });

  it('refuses a full member (CONFLICT), a date in the future or before joining (BAD_USER_INPUT on extendedOn)', async () => {
    const full = await probationer(daysAgo(800), 'FULL');
    expect(codeOf(await stack.federation.query(extend, { id: full, months: 6, reason: '正式党员' }))).toBe('CONFLICT');
    const id = await probationer(daysAgo(100));
    const future = await stack.federation.query(extend, { id, months: 6, reason: '将来', on: '2999-01-01' });
    expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'extendedOn' });
    const before = await stack.federation.query(extend, { id, months: 6, reason: '入党前', on: daysAgo(101) });
    expect(before.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'extendedOn' });
  });

  it('moves conversion: refused until the new end (CONFLICT naming it)', async () => {
    const joinedOn = daysAgo(360);
    const id = await probationer(joinedOn);
    await stack.federation.query(extend, { id, months: 6, reason: '延长' });
    const convert = await stack.federation.query(
      'mutation($id: ID!, $on: String) { convertToFullMember(memberId: $id, convertedOn: $on) { id } }',
      { id, on: daysAgo(0) },
      await english(),
    );
    expect(codeOf(convert)).toBe('CONFLICT');
    expect(convert.errors![0].message).toContain(addMonths(joinedOn, 18));
  });

  it("is the member's organisation's managers' only: others are refused, and the extension is read as the rest of the record", async () => {
    const id = await probationer(daysAgo(150));
    // In order: the secretary extends, then the street and district administrators pass authorisation and meet the once-only rule.
    const expected = { ...outsidersRefused, secretary: undefined, streetAdmin: 'CONFLICT', districtAdmin: 'CONFLICT' };
    expect(await codesByPersona(expected, (headers) => stack.federation.query(extend, { id, months: 9, reason: '权限' }, headers))).toEqual(
      expected,
    );
    const read = 'query($id: ID!) { member(id: $id) { probationExtension { months } } }';
    expect((await stack.federation.query(read, { id }, await headersOf('secretary'))).data).toEqual({
      member: { probationExtension: { months: 9 } },
    });
    expect(codeOf(await stack.federation.query(read, { id }, await headersOf('otherSecretary')))).toBe('FORBIDDEN');
  });
});
