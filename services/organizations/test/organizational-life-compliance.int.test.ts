import { codeOf, headersOf, personas } from '@cpb/demo-world/testing';
import { daysAgo, type Federation, startFederation } from '@cpb/kit/testing';

/**
 * Reading organisational life back (三会一课): an organisation's meetings, cursor-paged and filtered,
 * on a history constructed here in fresh branches of the demo secretary's community.
 */
let federation: Federation;
let busy: string;

const record = 'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }';
const list = `query($id: ID!, $type: MeetingType, $from: String, $to: String, $first: Int, $after: String) {
  organization(id: $id) { meetings(type: $type, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id type startsAt status } } } } }`;
type Listed = {
  organization: {
    meetings: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { id: string; type: string; startsAt: string; status: string } }[];
    };
  };
};

async function ok<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await federation.query<T>(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function newBranch(name: string, establishedOn?: string): Promise<string> {
  const created = await ok<{ createOrganization: { id: string } }>(
    'mutation($p: ID!, $n: String!, $on: String) { createOrganization(input: { name: $n, kind: BRANCH, scope: COMMUNITY, parentId: $p, establishedOn: $on }) { id } }',
    { p: personas.secretary.orgId, n: name, on: establishedOn },
  );
  return created.createOrganization.id;
}

/** A meeting on a fixed day of the constructed year 2025, evening district time. */
async function heldOn(organizationId: string, type: string, day: string): Promise<string> {
  const done = await ok<{ recordMeeting: { id: string } }>(record, {
    input: { organizationId, type, startsAt: `${day}T19:30:00+08:00`, place: '党群服务中心', topic: '组织生活', attendance: [] },
  });
  return done.recordMeeting.id;
}

const compliance = `query($id: ID!, $from: String!, $to: String!) { organization(id: $id) { lifeCompliance(from: $from, to: $to) {
  from to overdueCount types { type everyMonths due held overdue { from to } } } } }`;
type Compliance = {
  from: string;
  to: string;
  overdueCount: number;
  types: { type: string; everyMonths: number; due: number; held: number; overdue: { from: string; to: string }[] }[];
};
async function complianceOf(
  id: string,
  from = '2025-01-01',
  to = '2025-12-31',
): Promise<Record<string, Compliance['types'][number]> & { overdueCount: number }> {
  const data = await ok<{ organization: { lifeCompliance: Compliance } }>(compliance, { id, from, to });
  return {
    ...Object.fromEntries(data.organization.lifeCompliance.types.map((t) => [t.type, t])),
    overdueCount: data.organization.lifeCompliance.overdueCount,
  } as never;
}
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
const monthWindow = (m: string) => ({ from: `2025-${m}-01`, to: new Date(Date.UTC(2025, Number(m), 0)).toISOString().slice(0, 10) });

async function held(organizationId: string, type: string, days: number): Promise<string> {
  const done = await ok<{ recordMeeting: { id: string } }>(record, {
    input: { organizationId, type, startsAt: `${daysAgo(days)}T19:30:00+08:00`, place: '党群服务中心', topic: '组织生活', attendance: [] },
  });
  return done.recordMeeting.id;
}

beforeAll(async () => {
  federation = await startFederation();
  busy = await newBranch('组织生活测试第一支部');
  // Monthly themed Party days over five months, a members' meeting and a lesson in the last quarter.
  for (const days of [10, 40, 70, 100, 130]) await held(busy, 'THEMED_PARTY_DAY', days);
  await held(busy, 'MEMBERS_MEETING', 20);
  await held(busy, 'PARTY_LESSON', 50);
});
afterAll(() => federation?.stop());

describe('compliance with the rhythm, on a constructed year (2025)', () => {
  let onRhythm: string;
  let silent: string;
  let young: string;
  beforeAll(async () => {
    onRhythm = await newBranch('组织生活测试守时支部', '2020-01-01');
    for (const m of months(1, 12)) await heldOn(onRhythm, 'THEMED_PARTY_DAY', `2025-${m}-10`);
    for (const day of ['2025-02-20', '2025-05-20', '2025-08-20']) await heldOn(onRhythm, 'MEMBERS_MEETING', day);
    for (const day of ['2025-01-12', '2025-03-12', '2025-04-12', '2025-07-12', '2025-10-12']) await heldOn(onRhythm, 'PARTY_LESSON', day);
    await heldOn(onRhythm, 'ORGANIZATIONAL_LIFE_MEETING', '2025-01-15');
    // A record withdrawn as made in error counts for nothing.
    const withdrawn = await heldOn(onRhythm, 'DEMOCRATIC_APPRAISAL', '2025-03-25');
    await ok('mutation($id: ID!) { cancelMeeting(id: $id, reason: "误录") { id } }', { id: withdrawn });
    silent = await newBranch('组织生活测试沉寂支部', '2020-01-01');
    for (const m of months(1, 6)) await heldOn(silent, 'THEMED_PARTY_DAY', `2025-${m}-08`);
    young = await newBranch('组织生活测试新建支部', '2025-09-15');
    for (const day of ['2025-10-18', '2025-11-18']) await heldOn(young, 'THEMED_PARTY_DAY', day);
  });

  it('counts each type the kind holds: windows due, meetings held, windows overdue (a branch without a committee owes no committee meetings)', async () => {
    const c = await complianceOf(onRhythm);
    expect(
      Object.keys(c)
        .filter((k) => k !== 'overdueCount')
        .sort(),
    ).toEqual(['DEMOCRATIC_APPRAISAL', 'MEMBERS_MEETING', 'ORGANIZATIONAL_LIFE_MEETING', 'PARTY_LESSON', 'THEMED_PARTY_DAY']);
    expect(c.THEMED_PARTY_DAY).toEqual({ type: 'THEMED_PARTY_DAY', everyMonths: 1, due: 12, held: 12, overdue: [] });
    expect(c.MEMBERS_MEETING).toMatchObject({ everyMonths: 3, due: 4, held: 3, overdue: [{ from: '2025-10-01', to: '2025-12-31' }] });
    expect(c.PARTY_LESSON).toMatchObject({ due: 4, held: 5, overdue: [] });
    expect(c.ORGANIZATIONAL_LIFE_MEETING).toMatchObject({ everyMonths: 12, due: 1, held: 1, overdue: [] });
    expect(c.DEMOCRATIC_APPRAISAL).toMatchObject({ due: 1, held: 0, overdue: [{ from: '2025-01-01', to: '2025-12-31' }] });
    expect(c.overdueCount).toBe(2);
  });

  it('shows the organisation that fell silent overdue every month since, and owes a young one nothing before it was established', async () => {
    const s = await complianceOf(silent);
    expect(s.THEMED_PARTY_DAY).toMatchObject({ due: 12, held: 6, overdue: months(7, 12).map(monthWindow) });
    expect(s.MEMBERS_MEETING).toMatchObject({ due: 4, held: 0 });
    const y = await complianceOf(young);
    expect(y.THEMED_PARTY_DAY).toMatchObject({ due: 4, held: 2, overdue: [monthWindow('09'), monthWindow('12')] });
    expect(y.MEMBERS_MEETING).toMatchObject({ due: 2, held: 0 });
  });

  it('counts windows ending within a partial period, meetings by the day, and refuses a backwards period', async () => {
    const c = await complianceOf(onRhythm, '2025-02-15', '2025-05-20');
    expect(c.THEMED_PARTY_DAY).toMatchObject({ due: 3, held: 3, overdue: [] });
    expect(c.MEMBERS_MEETING).toMatchObject({ due: 1, held: 2, overdue: [] });
    expect(codeOf(await federation.query(compliance, { id: onRhythm, from: '2025-05-01', to: '2025-04-01' }))).toBe('BAD_USER_INPUT');
  });

  it("lists the subtree's organisations with no organisational life for N months (有组织无活动), paged by name, never the ones meeting or just established", async () => {
    const fresh = await newBranch('组织生活测试刚成立支部');
    const silentList = `query($id: ID!, $months: Int, $first: Int, $after: String) { organization(id: $id) { silentOrganizations(months: $months, first: $first, after: $after) {
      since totalCount pageInfo { hasNextPage endCursor } edges { node { organization { id name } lastMeetingAt } } } } }`;
    type Silent = {
      organization: {
        silentOrganizations: {
          since: string;
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: { organization: { id: string; name: string }; lastMeetingAt: string | null } }[];
        };
      };
    };
    const all: Silent['organization']['silentOrganizations']['edges'][number]['node'][] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Silent = await ok<Silent>(silentList, { id: personas.secretary.orgId, first: 2, after });
      total = page.organization.silentOrganizations.totalCount;
      all.push(...page.organization.silentOrganizations.edges.map((e) => e.node));
      after = page.organization.silentOrganizations.pageInfo.hasNextPage ? page.organization.silentOrganizations.pageInfo.endCursor : null;
    } while (after);
    expect(all).toHaveLength(total);
    const byId = new Map(all.map((n) => [n.organization.id, n]));
    expect(byId.get(silent)!.lastMeetingAt).toBe(new Date('2025-06-08T19:30:00+08:00').toISOString());
    expect(byId.has(onRhythm) && byId.has(young)).toBe(true);
    for (const active of [busy, fresh]) expect(byId.has(active)).toBe(false);
    // The demo's community branches keep their rhythm: none of them is silent.
    expect(all.filter((n) => /第[123]党支部$/.test(n.organization.name))).toEqual([]);
    const names = all.map((n) => n.organization.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const longer = await ok<Silent>(silentList, { id: personas.secretary.orgId, months: 24, first: 100 });
    const ids = longer.organization.silentOrganizations.edges.map((e) => e.node.organization.id);
    expect(ids).not.toContain(silent);
    expect(ids).not.toContain(onRhythm);
    for (const months of [0, 25])
      expect(codeOf(await federation.query(silentList, { id: personas.secretary.orgId, months }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await federation.query(silentList, { id: personas.secretary.orgId }, await headersOf('otherSecretary')))).toBe(
      'FORBIDDEN',
    );
    expect((await federation.query(silentList, { id: personas.secretary.orgId }, await headersOf('analyst'))).errors).toBeUndefined();
  });

  it('gives the counts to analysts and the managers, refuses the other secretary and members', async () => {
    const variables = { id: silent, from: '2025-01-01', to: '2025-12-31' };
    for (const persona of ['analyst', 'secretary'] as const)
      expect((await federation.query(compliance, variables, await headersOf(persona))).errors).toBeUndefined();
    for (const persona of ['otherSecretary', 'member'] as const)
      expect(codeOf(await federation.query(compliance, variables, await headersOf(persona)))).toBe('FORBIDDEN');
  });
});

describe("an organisation's meetings", () => {
  it('pages newest first with the keyset cursor, every meeting once, and filters by type and days', async () => {
    const seen: Listed['organization']['meetings']['edges'][number]['node'][] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Listed = await ok<Listed>(list, { id: busy, first: 3, after });
      total = page.organization.meetings.totalCount;
      seen.push(...page.organization.meetings.edges.map((e) => e.node));
      after = page.organization.meetings.pageInfo.hasNextPage ? page.organization.meetings.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(7);
    expect(new Set(seen.map((m) => m.id)).size).toBe(7);
    const starts = seen.map((m) => Date.parse(m.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));

    const themed = await ok<Listed>(list, { id: busy, type: 'THEMED_PARTY_DAY' });
    expect(themed.organization.meetings.totalCount).toBe(5);
    const recent = await ok<Listed>(list, { id: busy, from: daysAgo(60), to: daysAgo(0) });
    expect(recent.organization.meetings.edges.map((e) => e.node.type).sort()).toEqual([
      'MEMBERS_MEETING',
      'PARTY_LESSON',
      'THEMED_PARTY_DAY',
      'THEMED_PARTY_DAY',
    ]);
  });

  it('refuses a page size over the bound, a foreign cursor and a backwards period, naming the argument', async () => {
    expect(codeOf(await federation.query(list, { id: busy, first: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await federation.query(list, { id: busy, after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await federation.query(list, { id: busy, from: daysAgo(1), to: daysAgo(30) }))).toBe('BAD_USER_INPUT');
  });

  it("shows the list to analysts and the organisation's managers; the other secretary and members are refused", async () => {
    for (const persona of ['analyst', 'secretary', 'streetAdmin'] as const) {
      const result = await federation.query<Listed>(list, { id: busy }, await headersOf(persona));
      expect(result.errors).toBeUndefined();
      expect(result.data!.organization.meetings.totalCount).toBe(7);
    }
    for (const persona of ['otherSecretary', 'member', 'unitLiaison'] as const)
      expect(codeOf(await federation.query(list, { id: busy }, await headersOf(persona)))).toBe('FORBIDDEN');
    expect(codeOf(await federation.query(list, { id: busy }, await headersOf('anonymous')))).toBe('UNAUTHENTICATED');
  });
});
