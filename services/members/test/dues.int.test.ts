import { worldId } from '@cpb/demo-world';
import { today } from '@cpb/kit';
import { codeOf, headersOf, personas, type PersonaName } from '@cpb/demo-world/testing';
import { type Federation, startFederation, yearsAgo } from '@cpb/kit/testing';
import { branchOf, person, seeded } from '@cpb/demo-world/testing';
import { memberOutbox } from './fixtures';

/** Party dues (党费, issue 17) through the gateway on the real Postgres server, for every role. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field and asserted exactly
type Answer = Record<string, any>;
let federation: Federation;
let branchId: string;
let communityOrgId: string;
const year = Number(yearsAgo(1).slice(0, 4));
const m = (n: number) => `${year}-${String(n).padStart(2, '0')}`;

beforeAll(async () => {
  federation = await startFederation();
  const world = await seeded(federation);
  // The demo secretary's community (community 0): its organisation and its first branch.
  const community = world.communities.find((c) => c.partyOrganization.id === worldId('org-community', 0))!;
  branchId = branchOf(community, 0).id;
  communityOrgId = community.partyOrganization.id;
});
afterAll(() => federation?.stop());

const as = async (persona: PersonaName, query: string, variables: Record<string, unknown> = {}) =>
  federation.query<Answer>(query, variables, await headersOf(persona));

const declare = 'mutation($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id year fromMonth basis baseFen } }';
const pay = 'mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id kind amountFen months channel } }';
const reverse =
  'mutation($id: ID!) { reverseDuesPayment(paymentId: $id, reason: "记错月份") { id kind amountFen months reverses { id } } }';
const reduce =
  'mutation($input: GrantDuesReductionInput!) { grantDuesReduction(input: $input) { id kind fromMonth untilMonth approvedBy } }';
const dues =
  'query($id: ID!, $year: Int!) { member(id: $id) { dues(year: $year) { dueFen paidFen overdueFen bases { fromMonth basis baseFen } months { month rule rateBasisPoints amountFen dueFen paid } payments { kind amountFen months } } } }';
const arrears =
  'query($id: ID!, $first: Int, $after: String) { organization(id: $id) { arrears(first: $first, after: $after) { edges { cursor node { member { id } monthsOwing owingFen oldestMonth consecutiveMonths longArrears } } pageInfo { hasNextPage endCursor } } } }';
const summary =
  'query($id: ID!, $year: Int!, $month: Int!) { organization(id: $id) { duesSummary(year: $year, month: $month) { month members dueFen paidFen paidMembers unpaidMembers waivedMembers } } }';

async function newMember(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await federation.query<{ createMember: { id: string } }>(
    'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    {
      input: { ...person(), organizationId: branchId, joinedOn: yearsAgo(3), ...overrides },
    },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  return created.data!.createMember.id;
}

describe("the demo district's dues (seeded by the members service from services/demo-world/src/dues.ts)", () => {
  // The district's calendar, as the service counts months.
  const [thisYear, thisMonth] = today().split('-').map(Number);

  it("shows community 0's secretary arrears of seeded members, three months and more, and the six-month flag on member 6", async () => {
    const all: { member: { id: string }; monthsOwing: number; consecutiveMonths: number; longArrears: boolean }[] = [];
    for (let after: string | null = null; ;) {
      const page: Answer = await as('secretary', arrears, { id: communityOrgId, first: 50, after });
      expect(page.errors).toBeUndefined();
      all.push(...page.data!.organization.arrears.edges.map((e: { node: (typeof all)[number] }) => e.node));
      if (!page.data!.organization.arrears.pageInfo.hasNextPage) break;
      after = page.data!.organization.arrears.pageInfo.endCursor;
    }
    expect(all.filter((a) => a.monthsOwing >= 3 && !a.longArrears).length).toBeGreaterThanOrEqual(2);
    expect(all.find((a) => a.member.id === worldId('member', 6))).toMatchObject({
      monthsOwing: 7,
      consecutiveMonths: 7,
      longArrears: true,
    });
  });

  it("gives the demo member a declared base and this year's payments, each of exactly its months' dues", async () => {
    const read = await as('member', dues, { id: personas.member.memberId!, year: thisYear });
    expect(read.errors).toBeUndefined();
    const own = read.data!.member.dues;
    expect(own.bases.length).toBeGreaterThanOrEqual(1);
    expect(own.payments.length).toBeGreaterThanOrEqual(1);
    for (const p of own.payments) {
      const months = own.months.filter((x: { month: string }) => p.months.includes(x.month));
      expect(p.amountFen).toBe(months.reduce((sum: number, x: { dueFen: number }) => sum + x.dueFen, 0));
    }
  });

  it('sums last month for community 0: most members paid, some did not', async () => {
    const last = thisMonth === 1 ? { year: thisYear - 1, month: 12 } : { year: thisYear, month: thisMonth - 1 };
    const read = await as('analyst', summary, { id: communityOrgId, ...last });
    expect(read.errors).toBeUndefined();
    const totals = read.data!.organization.duesSummary;
    expect(totals.unpaidMembers).toBeGreaterThan(0);
    expect(totals.paidMembers).toBeGreaterThan(4 * totals.unpaidMembers);
  });
});

describe('declaring a base: amounts by the regulation, stored with their rule', () => {
  it('computes each month from the base in force, a mid-year change from its month on', async () => {
    const id = await newMember();
    expect(codeOf(await as('secretary', declare, { input: { memberId: id, year, basis: 'EMPLOYED', baseFen: 500_000 } }))).toBeUndefined();
    expect(
      codeOf(await as('secretary', declare, { input: { memberId: id, year, fromMonth: 7, basis: 'EMPLOYED', baseFen: 1_000_001 } })),
    ).toBeUndefined();
    const read = await as('secretary', dues, { id, year });
    const months = read.data!.member.dues.months;
    expect(months).toHaveLength(12);
    expect(months[5]).toEqual({
      month: m(6),
      rule: 'EMPLOYED_3000_TO_5000',
      rateBasisPoints: 100,
      amountFen: 5000,
      dueFen: 5000,
      paid: false,
    });
    expect(months[6]).toEqual({
      month: m(7),
      rule: 'EMPLOYED_ABOVE_10000',
      rateBasisPoints: 200,
      amountFen: 20000,
      dueFen: 20000,
      paid: false,
    });
    expect(read.data!.member.dues.dueFen).toBe(6 * 5000 + 6 * 20000);
  });

  it('starts in the month the member became probationary, and charges the 0.2-yuan bases flat', async () => {
    const id = await newMember({ joinedOn: `${year}-05-20`, category: 'STUDENT' });
    expect(codeOf(await as('secretary', declare, { input: { memberId: id, year, basis: 'STUDENT' } }))).toBeUndefined();
    const months = (await as('secretary', dues, { id, year })).data!.member.dues.months;
    expect(months.map((x: { month: string }) => x.month)[0]).toBe(m(5));
    expect(months).toHaveLength(8);
    expect(months.every((x: { amountFen: number; rule: string }) => x.amountFen === 20 && x.rule === 'FLAT_0_2_YUAN')).toBe(true);
  });

  it("refuses a base that does not fit its basis (BAD_USER_INPUT on baseFen), in the caller's language", async () => {
    const id = await newMember();
    const missing = await as('secretary', declare, { input: { memberId: id, year, basis: 'EMPLOYED' } });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baseFen' });
    const farmer = await federation.query(
      declare,
      { input: { memberId: id, year, basis: 'FARMER', baseFen: 150 } },
      { ...(await headersOf('secretary')), 'accept-language': 'en' },
    );
    expect(farmer.errors![0].message).toContain('0.2 to 1 yuan');
  });
});

describe('payments: matching amounts, an idempotent ledger, reversals, waivers, arrears', () => {
  let id: string;
  beforeAll(async () => {
    id = await newMember();
    expect(codeOf(await as('secretary', declare, { input: { memberId: id, year, basis: 'RETIRED', baseFen: 300_000 } }))).toBeUndefined();
  });

  it('refuses a payment that does not match the months it claims, giving the amounts due', async () => {
    const wrong = await federation.query(
      pay,
      { input: { memberId: id, idempotencyKey: 'k-wrong', months: [m(1), m(2)], amountFen: 2000, channel: 'CASH' } },
      { ...(await headersOf('secretary')), 'accept-language': 'en' },
    );
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountFen' });
    expect(wrong.errors![0].message).toBe(
      `The months claimed are due ${m(1)}: 15.00, ${m(2)}: 15.00, 30.00 yuan in all; the payment of 20.00 yuan does not match`,
    );
  });

  it('records one entry for two concurrent sends with the same key, and both get the first result', async () => {
    const input = { memberId: id, idempotencyKey: `k-${id}`, months: [m(1), m(2)], amountFen: 3000, channel: 'WECHAT' };
    const [a, b] = await Promise.all([as('secretary', pay, { input }), as('secretary', pay, { input })]);
    expect(a.errors).toBeUndefined();
    expect(b.data!.recordDuesPayment).toEqual(a.data!.recordDuesPayment);
    const ledger = await federation.subgraphs.members.running.database.dataSource.query(
      'SELECT count(*)::int AS n FROM dues_payment WHERE idempotency_key = $1',
      [input.idempotencyKey],
    );
    expect(ledger[0].n).toBe(1);
    const events = (await memberOutbox(federation)).filter((e) => e.type === 'dues.paid' && e.payload.memberId === id);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({
      paymentId: a.data!.recordDuesPayment.id,
      memberId: id,
      organizationId: branchId,
      months: [m(1), m(2)],
      channel: 'WECHAT',
      receivedOn: expect.any(String),
    });
    const reused = await as('secretary', pay, { input: { ...input, months: [m(3)], amountFen: 1500 } });
    expect(codeOf(reused)).toBe('CONFLICT');
    const again = await as('secretary', pay, { input: { ...input, idempotencyKey: 'k-again' } });
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('reverses a payment by a new entry; its months are unpaid again; the ledger refuses edits', async () => {
    const paid = await as('secretary', pay, {
      input: { memberId: id, idempotencyKey: `k3-${id}`, months: [m(3)], amountFen: 1500, channel: 'CASH' },
    });
    const reversal = await as('secretary', reverse, { id: paid.data!.recordDuesPayment.id });
    expect(reversal.data!.reverseDuesPayment).toMatchObject({
      kind: 'REVERSAL',
      amountFen: -1500,
      months: [m(3)],
      reverses: { id: paid.data!.recordDuesPayment.id },
    });
    const twice = await as('secretary', reverse, { id: paid.data!.recordDuesPayment.id });
    expect(twice.data!.reverseDuesPayment.id).toBe(reversal.data!.reverseDuesPayment.id);
    const read = (await as('secretary', dues, { id, year })).data!.member.dues;
    expect(read.months[2].paid).toBe(false);
    expect(read.payments.map((p: { kind: string; amountFen: number }) => [p.kind, p.amountFen])).toEqual(
      expect.arrayContaining([
        ['PAYMENT', 1500],
        ['REVERSAL', -1500],
      ]),
    );
    await expect(
      federation.subgraphs.members.running.database.dataSource.query('DELETE FROM dues_payment WHERE member_id = $1', [id]),
    ).rejects.toThrow(/append-only/);
  });

  it('waives months for hardship (due nothing) and refuses an overlapping second reduction', async () => {
    const granted = await as('secretary', reduce, {
      input: { memberId: id, kind: 'WAIVED', fromMonth: m(4), untilMonth: m(5), approvedBy: '支部委员会', reason: '家庭困难' },
    });
    expect(granted.data!.grantDuesReduction).toMatchObject({ kind: 'WAIVED', fromMonth: m(4), untilMonth: m(5), approvedBy: '支部委员会' });
    const months = (await as('secretary', dues, { id, year })).data!.member.dues.months;
    expect(months[3]).toMatchObject({ amountFen: 1500, dueFen: 0 });
    const overlap = await as('secretary', reduce, {
      input: {
        memberId: id,
        kind: 'REDUCED',
        monthlyFen: 500,
        fromMonth: m(5),
        untilMonth: m(6),
        approvedBy: '支部委员会',
        reason: '困难',
      },
    });
    expect(codeOf(overlap)).toBe('CONFLICT');
  });

  it('lists arrears with the six-consecutive-months flag, by cursor pages', async () => {
    const all: {
      member: { id: string };
      monthsOwing: number;
      consecutiveMonths: number;
      longArrears: boolean;
      oldestMonth: string;
      owingFen: number;
    }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Answer = await as('secretary', arrears, { id: communityOrgId, first: 2, after });
      expect(page.errors).toBeUndefined();
      all.push(...page.data!.organization.arrears.edges.map((e: { node: (typeof all)[number] }) => e.node));
      if (!page.data!.organization.arrears.pageInfo.hasNextPage) break;
      after = page.data!.organization.arrears.pageInfo.endCursor;
    }
    // Paid 1-2, month 3 reversed, 4-5 waived: 3 and 6-12 unpaid, 7 in a row.
    expect(all.find((a) => a.member.id === id)).toEqual({
      member: { id },
      monthsOwing: 8,
      owingFen: 8 * 1500,
      oldestMonth: m(3),
      consecutiveMonths: 7,
      longArrears: true,
    });
    expect(new Set(all.map((a) => a.member.id)).size).toBe(all.length);
  });

  it('sums a month for analysts and managers, without persons', async () => {
    const read = await as('analyst', summary, { id: branchId, year, month: 1 });
    expect(read.errors).toBeUndefined();
    const totals = read.data!.organization.duesSummary;
    expect(totals.month).toBe(m(1));
    expect(totals.paidMembers).toBeGreaterThanOrEqual(1);
    expect(totals.members).toBeGreaterThanOrEqual(totals.paidMembers + totals.unpaidMembers);
    expect(totals.paidFen).toBeLessThanOrEqual(totals.dueFen);
  });

  it('emits no income, base or basis in any dues event', async () => {
    const events = (await memberOutbox(federation)).filter((e) => e.type.startsWith('dues.'));
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['dues.base-declared', 'dues.paid', 'dues.reversed', 'dues.reduction-granted']),
    );
    const text = JSON.stringify(events.map((e) => e.payload));
    for (const secret of ['300000', '500000', '1000001', 'RETIRED', 'EMPLOYED', 'baseFen', 'amountFen', '家庭困难'])
      expect(text).not.toContain(secret);
  });
});

describe('who may read and change dues (the income base is sensitive: the member and their secretaries)', () => {
  let id: string;
  beforeAll(async () => {
    id = await newMember();
    expect(codeOf(await as('secretary', declare, { input: { memberId: id, year, basis: 'EMPLOYED', baseFen: 800_000 } }))).toBeUndefined();
  });

  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['member', 'FORBIDDEN'],
    ['unitLiaison', 'FORBIDDEN'],
    ['analyst', 'FORBIDDEN'],
    ['otherSecretary', 'FORBIDDEN'],
    ['streetAdmin', 'FORBIDDEN'],
    ['districtAdmin', 'FORBIDDEN'],
    ['secretary', undefined],
  ] as const)('Member.dues and Organization.arrears as %s: %s', async (persona, code) => {
    const read = await as(persona, dues, { id, year });
    if (persona === 'anonymous') expect(codeOf(read)).toBeDefined();
    else expect(codeOf(read)).toBe(code);
    if (code) expect(read.data?.member?.dues ?? null).toBeNull();
    const list = await as(persona, arrears, { id: communityOrgId, first: 5 });
    if (persona !== 'anonymous') expect(codeOf(list)).toBe(code);
  });

  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['member', 'FORBIDDEN'],
    ['unitLiaison', 'FORBIDDEN'],
    ['otherSecretary', 'FORBIDDEN'],
    ['otherStreetAdmin', 'FORBIDDEN'],
    ['analyst', undefined],
    ['streetAdmin', undefined],
    ['secretary', undefined],
    ['districtAdmin', undefined],
  ] as const)('Organization.duesSummary as %s: %s', async (persona, code) => {
    expect(codeOf(await as(persona, summary, { id: branchId, year, month: 2 }))).toBe(code);
  });

  it.each([['member'], ['unitLiaison'], ['analyst'], ['otherSecretary'], ['streetAdmin'], ['districtAdmin']] as const)(
    'refuses every dues change to %s (FORBIDDEN)',
    async (persona) => {
      expect(codeOf(await as(persona, declare, { input: { memberId: id, year, basis: 'STUDENT' } }))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await as(persona, pay, {
            input: { memberId: id, idempotencyKey: `x-${persona}`, months: [m(1)], amountFen: 8000, channel: 'CASH' },
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(
          await as(persona, reduce, {
            input: { memberId: id, kind: 'WAIVED', fromMonth: m(1), untilMonth: m(1), approvedBy: '支部', reason: '困难' },
          }),
        ),
      ).toBe('FORBIDDEN');
    },
  );

  it("lets the member declare and read their own base, and nobody else's", async () => {
    const self = personas.member.memberId!;
    const own = await as('member', declare, { input: { memberId: self, year, basis: 'EMPLOYED', baseFen: 250_000 } });
    expect(own.errors).toBeUndefined();
    const read = await as('member', dues, { id: self, year });
    expect(read.data!.member.dues.bases[0]).toEqual({ fromMonth: 1, basis: 'EMPLOYED', baseFen: 250_000 });
  });
});
