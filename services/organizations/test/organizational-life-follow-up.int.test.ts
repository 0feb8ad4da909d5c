import { worldId } from '@cpb/demo-world';
import { mintCallerToken, today } from '@cpb/kit';
import { type Federation, startFederation, yearsAgo } from '@cpb/kit/testing';
import { codeOf, headersOf, person, type PersonaName, personas } from '@cpb/demo-world/testing';

/**
 * Following organisational life up (issue 16): the district's rhythms, the subtree ranking, members'
 * attendance per year and the six-month flag (自行脱党) with its two reasons, on a history constructed
 * here in fresh branches of the demo secretary's community, through the gateway on the real Postgres.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field and asserted exactly
type Answer = Record<string, any>;
let federation: Federation;

async function ok(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Answer> {
  const result = await federation.query<Answer>(query, variables, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const as = async (persona: PersonaName, query: string, variables: Record<string, unknown> = {}) =>
  federation.query<Answer>(query, variables, await headersOf(persona));

async function newBranch(name: string, establishedOn = '2020-01-01'): Promise<string> {
  const created = await ok(
    'mutation($p: ID!, $n: String!, $on: String) { createOrganization(input: { name: $n, kind: BRANCH, scope: COMMUNITY, parentId: $p, establishedOn: $on }) { id } }',
    { p: personas.secretary.orgId, n: name, on: establishedOn },
  );
  return created.createOrganization.id;
}

const record = 'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }';
async function heldOn(
  organizationId: string,
  type: string,
  day: string,
  attendance: { memberId: string; status: string; leaveReason?: string }[] = [],
): Promise<string> {
  const done = await ok(record, {
    input: { organizationId, type, startsAt: `${day}T19:30:00+08:00`, place: '党群服务中心', topic: '组织生活', attendance },
  });
  return done.recordMeeting.id;
}
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));

const compliance = `query($id: ID!, $from: String!, $to: String!) { organization(id: $id) { lifeCompliance(from: $from, to: $to) { overdueCount types { type everyMonths due held } } } }`;
const ranking = `query($id: ID!, $from: String!, $to: String!, $first: Int, $after: String) { organization(id: $id) { lifeComplianceRanking(from: $from, to: $to, first: $first, after: $after) {
  from to weighed totalCount pageInfo { hasNextPage endCursor } edges { node { rank organization { id name } due held overdue } } } } }`;
const rhythms = '{ meetingRhythms { type everyMonths changedAt } }';
const setRhythm =
  'mutation($type: MeetingType!, $every: Int!) { setMeetingRhythm(type: $type, everyMonths: $every) { type everyMonths changedAt } }';

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

describe('the ranking of a subtree, on a constructed year (2025)', () => {
  let onRhythm: string;
  let silent: string;
  let behind: string;
  beforeAll(async () => {
    onRhythm = await newBranch('随访测试守时支部');
    for (const m of months(1, 12)) await heldOn(onRhythm, 'THEMED_PARTY_DAY', `2025-${m}-10`);
    for (const m of ['02', '05', '08', '11']) await heldOn(onRhythm, 'MEMBERS_MEETING', `2025-${m}-20`);
    for (const m of ['01', '04', '07', '10']) await heldOn(onRhythm, 'PARTY_LESSON', `2025-${m}-12`);
    await heldOn(onRhythm, 'ORGANIZATIONAL_LIFE_MEETING', '2025-01-15');
    await heldOn(onRhythm, 'DEMOCRATIC_APPRAISAL', '2025-03-25');
    // Fell silent after June: themed Party days, a members' meeting and a lesson in the first half only.
    silent = await newBranch('随访测试沉寂支部');
    for (const m of months(1, 6)) await heldOn(silent, 'THEMED_PARTY_DAY', `2025-${m}-08`);
    await heldOn(silent, 'MEMBERS_MEETING', '2025-03-08');
    await heldOn(silent, 'PARTY_LESSON', '2025-04-08');
    behind = await newBranch('随访测试落后支部');
    for (const m of months(1, 12)) await heldOn(behind, 'THEMED_PARTY_DAY', `2025-${m}-09`);
    for (const m of ['02', '05', '08', '11']) await heldOn(behind, 'MEMBERS_MEETING', `2025-${m}-21`);
  });

  it("ranks the organisations behind, furthest first, with the same numbers as each one's lifeCompliance, and leaves out those on rhythm", async () => {
    const all: Answer[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Answer = (await ok(ranking, { id: personas.secretary.orgId, from: '2025-01-01', to: '2025-12-31', first: 3, after }))
        .organization.lifeComplianceRanking;
      total = page.totalCount;
      expect(page.weighed).toBeGreaterThan(total);
      all.push(...page.edges.map((e: Answer) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(all).toHaveLength(total);
    expect(all.map((s) => s.rank)).toEqual(all.map((_, i) => i + 1));
    const byId = new Map(all.map((s) => [s.organization.id, s]));
    expect(byId.has(onRhythm)).toBe(false);
    // Silent: themed Party days July-December (6), three quarters each of members' meetings and lessons (6), both yearly meetings (2).
    expect(byId.get(silent)).toMatchObject({ due: 12 + 4 + 4 + 1 + 1, held: 8, overdue: 14 });
    // Behind: no lessons (4) and neither yearly meeting (2).
    expect(byId.get(behind)).toMatchObject({ due: 22, held: 16, overdue: 6 });
    expect(byId.get(silent)!.rank).toBeLessThan(byId.get(behind)!.rank);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].overdue >= all[i].overdue).toBe(true);
    for (const id of [silent, behind]) {
      const c = (await ok(compliance, { id, from: '2025-01-01', to: '2025-12-31' })).organization.lifeCompliance;
      expect(c.overdueCount).toBe(byId.get(id)!.overdue);
    }
  });

  it('answers in a bounded number of statements, whatever the size of the subtree', async () => {
    const statements = await federation.statementsPerService(() =>
      ok(ranking, { id: personas.streetAdmin.orgId, from: '2025-01-01', to: '2025-12-31', first: 50 }),
    );
    // The organisation, the district's rhythms, the subtree's organisations, its meetings held, and the names of a page.
    expect(statements.organizations).toBeLessThanOrEqual(6);
  });

  it('gives the ranking to analysts and the managers, refuses the other secretary, members and anonymous callers', async () => {
    const variables = { id: personas.secretary.orgId, from: '2025-01-01', to: '2025-12-31' };
    for (const persona of ['analyst', 'secretary', 'streetAdmin', 'districtAdmin'] as const)
      expect((await as(persona, ranking, variables)).errors).toBeUndefined();
    for (const persona of ['otherSecretary', 'otherStreetAdmin', 'member', 'unitLiaison'] as const)
      expect(codeOf(await as(persona, ranking, variables))).toBe('FORBIDDEN');
    expect(codeOf(await as('anonymous', ranking, variables))).toBe('UNAUTHENTICATED');
    expect(codeOf(await federation.query(ranking, { ...variables, after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
  });

  it("applies the district's rhythm: a themed Party day every two months makes six windows of 2025, not twelve; only district administrators set it", async () => {
    const before = (await ok(rhythms)).meetingRhythms;
    expect(before).toContainEqual({ type: 'THEMED_PARTY_DAY', everyMonths: 1, changedAt: null });
    expect(before).toHaveLength(7);
    for (const persona of ['secretary', 'streetAdmin', 'analyst', 'member'] as const)
      expect(codeOf(await as(persona, setRhythm, { type: 'THEMED_PARTY_DAY', every: 2 }))).toBe('FORBIDDEN');
    expect(codeOf(await as('anonymous', setRhythm, { type: 'THEMED_PARTY_DAY', every: 2 }))).toBe('UNAUTHENTICATED');
    const refused = await federation.query(setRhythm, { type: 'THEMED_PARTY_DAY', every: 5 });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'everyMonths' });

    const set = (await ok(setRhythm, { type: 'THEMED_PARTY_DAY', every: 2 })).setMeetingRhythm;
    expect(set).toMatchObject({ type: 'THEMED_PARTY_DAY', everyMonths: 2 });
    expect(Date.parse(set.changedAt)).toBeGreaterThan(Date.now() - 60_000);
    const c = (await ok(compliance, { id: silent, from: '2025-01-01', to: '2025-12-31' })).organization.lifeCompliance;
    expect(c.types.find((t: Answer) => t.type === 'THEMED_PARTY_DAY')).toEqual({
      type: 'THEMED_PARTY_DAY',
      everyMonths: 2,
      due: 6,
      held: 6,
    });
    expect(c.overdueCount).toBe(3 + 3 + 3 + 2);
    const events: { type: string; payload: Answer }[] = await federation.subgraphs.organizations.running.database.dataSource.query(
      `SELECT type, payload FROM outbox WHERE type = 'meeting-rhythm.set'`,
    );
    expect(events.map((e) => e.payload)).toEqual([{ rhythmId: expect.any(String), type: 'THEMED_PARTY_DAY', everyMonths: 2 }]);
    const audit = await federation.subgraphs.organizations.running.database.dataSource.query(
      `SELECT action, actor_role FROM audit_log WHERE action = 'meeting-rhythm.set'`,
    );
    expect(audit).toEqual([{ action: 'meeting-rhythm.set', actor_role: 'DISTRICT_ADMIN' }]);
    await ok(setRhythm, { type: 'THEMED_PARTY_DAY', every: 1 });
  });
});

/** The calendar month `back` months before the current one (district time), and a day in it. */
function monthBack(back: number, day = 10): string {
  const [y, m] = today().split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - back, day));
  return d.toISOString().slice(0, 10);
}

describe("members' attendance and the six-month flag (自行脱党), on a constructed history", () => {
  let branch: string;
  const ids: Record<string, string> = {};
  const meetingDays = Array.from({ length: 8 }, (_, i) => monthBack(8 - i));
  const lastYear = Number(yearsAgo(1).slice(0, 4));

  beforeAll(async () => {
    branch = await newBranch('随访测试考勤支部');
    for (const name of ['present', 'absent', 'absentAndOwing', 'owing', 'cameBack', 'onLeave']) {
      const created = await ok('mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
        input: { ...person(), organizationId: branch, joinedOn: yearsAgo(3) },
      });
      ids[name] = created.createMember.id;
    }
    // Eight complete months of themed Party days; whoever is left out is recorded ABSENT.
    for (const [i, day] of meetingDays.entries()) {
      await heldOn(branch, 'THEMED_PARTY_DAY', day, [
        { memberId: ids.present, status: 'PRESENT' },
        { memberId: ids.owing, status: 'PRESENT' },
        { memberId: ids.onLeave, status: 'ON_LEAVE', leaveReason: '外出务工' },
        ...(i === meetingDays.length - 1 ? [{ memberId: ids.cameBack, status: 'PRESENT' }] : []),
      ]);
    }
    // A members' meeting in the last month, where the one who is usually there was on leave.
    await heldOn(branch, 'MEMBERS_MEETING', monthBack(1, 20), [
      { memberId: ids.present, status: 'ON_LEAVE', leaveReason: '出差' },
      { memberId: ids.owing, status: 'PRESENT' },
    ]);
    // Dues: a base declared for last year and nothing paid, twelve months in a row.
    for (const name of ['absentAndOwing', 'owing']) {
      const declared = await as('secretary', 'mutation($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id } }', {
        input: { memberId: ids[name], year: lastYear, basis: 'RETIRED', baseFen: 300_000 },
      });
      expect(declared.errors).toBeUndefined();
    }
  });

  const attendance =
    'query($id: ID!, $year: Int!) { member(id: $id) { id attendance(year: $year) { year expected present onLeave absent rate } } }';
  const attendanceRecord =
    'query($id: ID!, $year: Int!) { member(id: $id) { attendance(year: $year) { meetings { meeting { id type startsAt } status leaveReason } } } }';
  const memberHeaders = async (memberId: string) => ({
    authorization: `Bearer ${await mintCallerToken({ role: 'MEMBER', sub: `member-${memberId}`, memberId })}`,
  });

  it("counts each member's attendance per year from the current records: expected, present, on leave, absent and the rate", async () => {
    const year = Number(monthBack(1).slice(0, 4));
    const inYear = meetingDays.filter((d) => Number(d.slice(0, 4)) === year).length;
    const present = (await ok(attendance, { id: ids.present, year })).member.attendance;
    expect(present).toEqual({ year, expected: inYear + 1, present: inYear, onLeave: 1, absent: 0, rate: inYear / (inYear + 1) });
    const absent = (await ok(attendance, { id: ids.absent, year })).member.attendance;
    expect(absent).toEqual({ year, expected: inYear + 1, present: 0, onLeave: 0, absent: inYear + 1, rate: 0 });
    const never = (await ok(attendance, { id: ids.present, year: 1990 })).member.attendance;
    expect(never).toEqual({ year: 1990, expected: 0, present: 0, onLeave: 0, absent: 0, rate: null });
    const meetings = (await ok(attendanceRecord, { id: ids.present, year })).member.attendance.meetings;
    expect(meetings).toHaveLength(inYear + 1);
    expect(meetings.filter((m: Answer) => m.status === 'ON_LEAVE')).toEqual([
      expect.objectContaining({ leaveReason: '出差', meeting: expect.objectContaining({ type: 'MEMBERS_MEETING' }) }),
    ]);
    expect(codeOf(await federation.query(attendance, { id: ids.present, year: 1800 }))).toBe('BAD_USER_INPUT');
  });

  it('lets the member read their own attendance and their managers all of it; refuses everyone else, analysts included (never a person)', async () => {
    const year = Number(monthBack(1).slice(0, 4));
    const own = await federation.query<Answer>(attendanceRecord, { id: ids.present, year }, await memberHeaders(ids.present));
    expect(own.errors).toBeUndefined();
    expect(codeOf(await federation.query(attendance, { id: ids.absent, year }, await memberHeaders(ids.present)))).toBe('FORBIDDEN');
    for (const persona of ['secretary', 'streetAdmin', 'districtAdmin'] as const)
      expect((await as(persona, attendanceRecord, { id: ids.present, year })).errors).toBeUndefined();
    for (const persona of ['otherSecretary', 'otherStreetAdmin', 'member', 'unitLiaison', 'analyst'] as const)
      expect(codeOf(await as(persona, attendance, { id: ids.present, year }))).toBe('FORBIDDEN');
    // Reached through another entity (the leadership, which members and other managers may read), this service's own rule refuses.
    const throughLeadership =
      'query($id: ID!, $year: Int!) { organization(id: $id) { positions { member { id attendance(year: $year) { expected } } } } }';
    for (const persona of ['otherSecretary', 'member'] as const) {
      const answer = await as(persona, throughLeadership, { id: personas.secretary.orgId, year });
      expect(answer.errors?.[0]).toMatchObject({
        path: ['organization', 'positions', 0, 'member', 'attendance'],
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });

  const flags = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { sixMonthFlags(first: $first, after: $after) { totalCount organizationalLife dues both
    pageInfo { hasNextPage endCursor } edges { node { member { id } reasons absentSince absentMonths unpaidSince unpaidMonths } } } } }`;
  const counts = 'query($id: ID!) { organization(id: $id) { sixMonthFlags { totalCount organizationalLife dues both } } }';

  it('lists for the branch, once each by member id, those six months without organisational life, without dues, or both, with the reasons', async () => {
    const nodes: Answer[] = [];
    let after: string | null = null;
    do {
      const answer = await as('secretary', flags, { id: branch, first: 2, after });
      expect(answer.errors).toBeUndefined();
      const page: Answer = answer.data!.organization.sixMonthFlags;
      expect(page).toMatchObject({ totalCount: 3, organizationalLife: 2, dues: 2, both: 1 });
      nodes.push(...page.edges.map((e: Answer) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const since = meetingDays[0].slice(0, 7);
    const expected = [
      {
        member: { id: ids.absent },
        reasons: ['ORGANIZATIONAL_LIFE'],
        absentSince: since,
        absentMonths: 8,
        unpaidSince: null,
        unpaidMonths: null,
      },
      {
        member: { id: ids.absentAndOwing },
        reasons: ['ORGANIZATIONAL_LIFE', 'DUES'],
        absentSince: since,
        absentMonths: 8,
        unpaidSince: `${lastYear}-01`,
        unpaidMonths: expect.any(Number),
      },
      {
        member: { id: ids.owing },
        reasons: ['DUES'],
        absentSince: null,
        absentMonths: null,
        unpaidSince: `${lastYear}-01`,
        unpaidMonths: expect.any(Number),
      },
    ].sort((a, b) => (a.member.id < b.member.id ? -1 : 1));
    expect(nodes).toEqual(expected);
    for (const n of nodes.filter((n) => n.unpaidMonths !== null)) expect(n.unpaidMonths).toBeGreaterThanOrEqual(12);
    // Taking part again (the one who came back last month) or being on leave is no absence.
    for (const id of [ids.cameBack, ids.onLeave, ids.present]) expect(nodes.map((n) => n.member.id)).not.toContain(id);
  });

  it("shows the demo district's flags in community 0: members 6 and 306 absent six months and owing seven months' dues", async () => {
    const nodes: Answer[] = [];
    let after: string | null = null;
    do {
      const page: Answer = (await as('secretary', flags, { id: personas.secretary.orgId, first: 50, after })).data!.organization
        .sixMonthFlags;
      nodes.push(...page.edges.map((e: Answer) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    for (const m of [6, 306])
      expect(nodes.find((n) => n.member.id === worldId('member', m))).toMatchObject({
        reasons: ['ORGANIZATIONAL_LIFE', 'DUES'],
        absentMonths: 6,
        unpaidMonths: 7,
      });
  });

  it('forgets a member who left: the list is of members the branch holds now', async () => {
    const other = await newBranch('随访测试接收支部');
    const transfer = await ok(
      'mutation($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "搬家") { id } }',
      { m: ids.absent, to: other },
    );
    const id = transfer.requestTransfer.id;
    await ok('mutation($id: ID!) { approveTransfer(id: $id) { id } }', { id });
    await ok('mutation($id: ID!) { completeTransfer(id: $id) { id } }', { id });
    const page = (await as('secretary', counts, { id: branch })).data!.organization.sixMonthFlags;
    expect(page).toMatchObject({ totalCount: 2, organizationalLife: 1 });
  });

  it("batches a list's six-month lists: each organisation's as asked alone, in statements that do not grow with the list's length", async () => {
    const list = `query($id: ID!) { organization(id: $id) { children { id sixMonthFlags(first: 100) { totalCount organizationalLife dues both
      edges { node { member { id } reasons absentMonths unpaidMonths } } } } } }`;
    const one = `query($id: ID!) { organization(id: $id) { id sixMonthFlags(first: 100) { totalCount organizationalLife dues both
      edges { node { member { id } reasons absentMonths unpaidMonths } } } } }`;
    const listed = async (id: string) => {
      let answer: Answer = {};
      const statements = await federation.statementsPerService(async () => (answer = await as('streetAdmin', list, { id })));
      expect(answer.errors).toBeUndefined();
      return { children: answer.data.organization.children as Answer[], statements };
    };
    // The street's communities and this community's branches: two lists of different lengths.
    const [street, community] = [await listed(personas.streetAdmin.orgId), await listed(personas.secretary.orgId)];
    expect(Math.min(street.children.length, community.children.length)).toBeGreaterThan(1);
    expect(street.children.length).not.toBe(community.children.length);
    console.info(
      `six-month lists: ${street.children.length} organisations ${JSON.stringify(street.statements)}, ${community.children.length} ${JSON.stringify(community.statements)}`,
    );
    for (const service of ['organizations', 'members'])
      expect({ service, statements: street.statements[service] }).toEqual({ service, statements: community.statements[service] });
    // Split right: each organisation of the list has the list it has when asked alone (the test's branch among them).
    expect(community.children.find((c) => c.id === branch)?.sixMonthFlags.totalCount).toBe(2);
    for (const child of [...community.children, ...street.children]) {
      const alone = (await as('streetAdmin', one, { id: child.id })).data!.organization;
      expect(child).toEqual(alone);
    }
    expect(street.children.some((c) => c.sixMonthFlags.totalCount > 0)).toBe(true);
  });

  it('names the members only to the secretaries and street administrators in scope; analysts and district administrators count', async () => {
    for (const persona of ['secretary', 'streetAdmin'] as const) expect((await as(persona, flags, { id: branch })).errors).toBeUndefined();
    for (const persona of ['analyst', 'districtAdmin'] as const) {
      const answer = await as(persona, counts, { id: branch });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.organization.sixMonthFlags.totalCount).toBeGreaterThan(0);
      expect(codeOf(await as(persona, flags, { id: branch }))).toBe('FORBIDDEN');
    }
    for (const persona of ['otherSecretary', 'otherStreetAdmin', 'member', 'unitLiaison'] as const)
      expect(codeOf(await as(persona, counts, { id: branch }))).toBe('FORBIDDEN');
    expect(codeOf(await as('anonymous', counts, { id: branch }))).toBe('UNAUTHENTICATED');
  });
});
