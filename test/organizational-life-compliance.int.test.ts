import { startFederation, type Federation } from './federation-harness';
import { daysAgo } from './members-fixtures';
import { codeOf, headersOf, personas } from './personas';

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
type Listed = { organization: { meetings: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; type: string; startsAt: string; status: string } }[] } } };

async function ok<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await federation.query<T>(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function newBranch(name: string): Promise<string> {
  const created = await ok<{ createOrganization: { id: string } }>('mutation($p: ID!, $n: String!) { createOrganization(input: { name: $n, kind: BRANCH, scope: COMMUNITY, parentId: $p }) { id } }', { p: personas.secretary.orgId, n: name });
  return created.createOrganization.id;
}

async function held(organizationId: string, type: string, days: number): Promise<string> {
  const done = await ok<{ recordMeeting: { id: string } }>(record, { input: { organizationId, type, startsAt: `${daysAgo(days)}T19:30:00+08:00`, place: '党群服务中心', topic: '组织生活', attendance: [] } });
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
    expect(recent.organization.meetings.edges.map((e) => e.node.type).sort()).toEqual(['MEMBERS_MEETING', 'PARTY_LESSON', 'THEMED_PARTY_DAY', 'THEMED_PARTY_DAY']);
  });

  it('refuses a page size over the bound, a foreign cursor and a backwards period, naming the argument', async () => {
    expect(codeOf(await federation.query(list, { id: busy, first: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await federation.query(list, { id: busy, after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await federation.query(list, { id: busy, from: daysAgo(1), to: daysAgo(30) }))).toBe('BAD_USER_INPUT');
  });

  it('shows the list to analysts and the organisation\'s managers; the other secretary and members are refused', async () => {
    for (const persona of ['analyst', 'secretary', 'streetAdmin'] as const) {
      const result = await federation.query<Listed>(list, { id: busy }, await headersOf(persona));
      expect(result.errors).toBeUndefined();
      expect(result.data!.organization.meetings.totalCount).toBe(7);
    }
    for (const persona of ['otherSecretary', 'member', 'unitLiaison'] as const) expect(codeOf(await federation.query(list, { id: busy }, await headersOf(persona)))).toBe('FORBIDDEN');
    expect(codeOf(await federation.query(list, { id: busy }, await headersOf('anonymous')))).toBe('UNAUTHENTICATED');
  });
});
