import { worldId } from '@cpb/demo-world';
import { codeOf, headersOf, type PersonaName } from '@cpb/demo-world/testing';
import { at, type Federation, mondayInWeeks, startFederation } from '@cpb/kit/testing';

/**
 * Issue 11, item 6: co-building changes check the caller's scope, not only the role. The demo
 * secretary and street admin manage community 0 and street 0; everything below belongs to
 * community 1 (street 1), so each change is refused, and nothing changes.
 */
let federation: Federation;
const community1 = worldId('community', 1);
let agreement: { id: string; partnerUnit: { id: string }; commitments: { id: string; status: string }[] };
let need: { id: string };
let resource: { id: string };
let planned: { id: string };
let active: { id: string };
let unit1: string;
let venue0: string;

type Edges<T> = { edges: { node: T }[] };
async function first<T>(field: string, filter: Record<string, unknown>, selection: string): Promise<T> {
  const result = await federation.query<Record<string, Edges<T>>>(
    `query($f: ${field[0].toUpperCase()}${field.slice(1, -1)}Filter) { ${field}(first: 1, filter: $f) { edges { node { ${selection} } } } }`,
    { f: filter },
  );
  expect(result.errors).toBeUndefined();
  const found = result.data![field].edges[0]?.node;
  if (!found) throw new Error(`no ${field} for ${JSON.stringify(filter)}`);
  return found;
}

beforeAll(async () => {
  federation = await startFederation();
  agreement = await first('agreements', { communityId: community1, status: 'ACTIVE' }, 'id partnerUnit { id } commitments { id status }');
  need = await first('needs', { communityId: community1, status: 'OPEN' }, 'id');
  resource = await first('resources', { communityId: community1, status: 'AVAILABLE' }, 'id');
  planned = await first('projects', { communityId: community1, status: 'PLANNED' }, 'id');
  active = await first('projects', { communityId: community1, status: 'ACTIVE' }, 'id');
  unit1 = agreement.partnerUnit.id;
  venue0 = (await first<{ id: string }>('resources', { communityId: worldId('community', 0), kind: 'VENUE' }, 'id')).id;
});
afterAll(() => federation?.stop());

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const changes: Record<string, { query: string; variables: () => Record<string, unknown> }> = {
  terminateAgreement: {
    query: 'mutation($id: ID!) { terminateAgreement(id: $id, reason: "不再共建") { id status } }',
    variables: () => ({ id: agreement.id }),
  },
  addCommitment: {
    query: 'mutation($id: ID!, $i: CommitmentInput!) { addCommitment(agreementId: $id, input: $i) { id } }',
    variables: () => ({ id: agreement.id, i: { side: 'UNIT', item: '多办一件实事', dueBy: today } }),
  },
  progressCommitment: {
    query: 'mutation($id: ID!) { progressCommitment(commitmentId: $id, status: IN_PROGRESS, note: "推进中") { id status } }',
    variables: () => ({ id: agreement.commitments.find((c) => c.status !== 'DONE')!.id }),
  },
  matchNeed: {
    query: 'mutation($i: MatchNeedInput!) { matchNeed(input: $i) { id } }',
    variables: () => ({ i: { needId: need.id, title: '对接项目', resourceIds: [resource.id] } }),
  },
  startProject: { query: 'mutation($id: ID!) { startProject(id: $id) { id status } }', variables: () => ({ id: planned.id }) },
  completeProject: {
    query: 'mutation($id: ID!) { completeProject(id: $id, outcome: "已完成") { id status } }',
    variables: () => ({ id: active.id }),
  },
  bookResource: {
    // Community 0's venue, booked in the name of community 1's organisation.
    query: 'mutation($i: BookResourceInput!) { bookResource(input: $i) { id } }',
    variables: () => ({
      i: {
        resourceId: venue0,
        bookedById: worldId('org-community', 1),
        purpose: '党员活动',
        startsAt: at(mondayInWeeks(10), '14:00'),
        endsAt: at(mondayInWeeks(10), '15:00'),
        headcount: 5,
      },
    }),
  },
  recordJointMeeting: {
    query: 'mutation($i: RecordJointMeetingInput!) { recordJointMeeting(input: $i) { id } }',
    variables: () => ({ i: { convenerId: worldId('org-community', 1), title: '联席会议', heldOn: today, attendingUnitIds: [unit1] } }),
  },
};

describe("co-building changes outside the caller's scope are refused (FORBIDDEN) and change nothing", () => {
  const cases: [string, PersonaName][] = [
    ...Object.keys(changes)
      .filter((name) => name !== 'progressCommitment')
      .map((name): [string, PersonaName] => [name, 'secretary']),
    ['bookResource', 'unitLiaison'],
    ['terminateAgreement', 'streetAdmin'],
    ['recordJointMeeting', 'streetAdmin'],
    ['progressCommitment', 'unitLiaison'],
    ['progressCommitment', 'secretary'],
  ];
  it.each(cases)('%s as %s', async (name, persona) => {
    const outboxBefore = await federation.subgraphs.resources.running.database.dataSource.query('SELECT count(*)::int AS n FROM outbox');
    const change = changes[name];
    expect(codeOf(await federation.query(change.query, change.variables(), await headersOf(persona)))).toBe('FORBIDDEN');
    expect(await federation.subgraphs.resources.running.database.dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual(
      outboxBefore,
    );
  });

  it('lets the managers of community 1 make every one of those changes', async () => {
    for (const name of [
      'addCommitment',
      'progressCommitment',
      'matchNeed',
      'startProject',
      'completeProject',
      'recordJointMeeting',
      'terminateAgreement',
    ]) {
      const change = changes[name];
      const result = await federation.query(
        change.query,
        change.variables(),
        await headersOf(name === 'recordJointMeeting' ? 'otherStreetAdmin' : 'otherSecretary'),
      );
      expect([name, result.errors]).toEqual([name, undefined]);
    }
  });
});
