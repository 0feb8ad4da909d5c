import { addDays, type Federation, refusal, startFederation } from '@cpb/kit/testing';
import { type CommunityFixture, firstCommunity } from '@cpb/demo-world/testing';
import { outboxTypes } from './fixtures';

// Four subgraphs and the gateway start on fresh, seeded databases: seconds, more on a busy machine.

let federation: Federation;
let community: CommunityFixture;
let offered: { id: string; kind: string; provider: { id: string } }[];
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const nobody = '00000000-0000-4000-8000-000000000000';

type Summary = { activeAgreements: number; openNeeds: number; activeProjects: number; resources: number };
async function coBuilding(): Promise<Summary> {
  const result = await federation.query<{ community: { coBuilding: Summary } }>(
    'query($id: ID!) { community(id: $id) { coBuilding { activeAgreements openNeeds activeProjects resources } } }',
    { id: community.id },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.community.coBuilding;
}

beforeAll(async () => {
  federation = await startFederation();
  community = await firstCommunity(federation);
  const found = await federation.query<{ resources: { edges: { node: (typeof offered)[number] }[] } }>(
    'query($c: ID) { resources(filter: { communityId: $c }, first: 50) { edges { node { id kind provider { id } } } } }',
    { c: community.id },
  );
  offered = found.data!.resources.edges.map((e) => e.node);
});
afterAll(() => federation?.stop());

describe('needs (需求清单) matched to resources as projects (项目清单), through the gateway', () => {
  const raise = 'mutation($input: RaiseNeedInput!) { raiseNeed(input: $input) { id status raisedOn community { id name } } }';
  const match =
    'mutation($input: MatchNeedInput!) { matchNeed(input: $input) { id status plannedOn need { status } resources { id } partnerUnits { id name } } }';
  let needId: string;
  let projectId: string;

  it("shows the community's co-building at a glance, as seeded", async () => {
    expect(await coBuilding()).toEqual({ activeAgreements: 5, openNeeds: 2, activeProjects: 1, resources: 12 });
  });

  it('raises a need in a community (OPEN) and records need.raised', async () => {
    const result = await federation.query<{ raiseNeed: { id: string; status: string; raisedOn: string; community: { name: string } } }>(
      raise,
      {
        input: { communityId: community.id, title: '楼道照明维修', category: 'ENVIRONMENT', description: '3号楼楼道灯长期不亮' },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.raiseNeed).toMatchObject({ status: 'OPEN', raisedOn: today, community: { name: community.name } });
    needId = result.data!.raiseNeed.id;
    expect((await coBuilding()).openNeeds).toBe(3);
    expect(refusal(await federation.query(raise, { input: { communityId: nobody, title: 'x', category: 'OTHER' } }))).toEqual({
      code: 'NOT_FOUND',
      field: 'communityId',
    });
    expect(refusal(await federation.query(raise, { input: { communityId: community.id, title: '  ', category: 'OTHER' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
  });

  it("matches the need to resources as a planned project; the resources' providers become partners", async () => {
    const [service, venue] = [offered.find((r) => r.kind === 'SERVICE')!, offered.find((r) => r.kind === 'VENUE')!];
    const extra = community.residentUnits.find((u) => u.id !== service.provider.id && u.id !== venue.provider.id)!;
    const result = await federation.query<{
      matchNeed: {
        id: string;
        status: string;
        need: { status: string };
        resources: { id: string }[];
        partnerUnits: { id: string; name: string }[];
      };
    }>(match, {
      input: { needId, title: '楼道照明改造项目', resourceIds: [service.id, venue.id], partnerUnitIds: [extra.id] },
    });
    expect(result.errors).toBeUndefined();
    const project = result.data!.matchNeed;
    expect(project).toMatchObject({ status: 'PLANNED', need: { status: 'MATCHED' } });
    expect(project.resources.map((r) => r.id).sort()).toEqual([service.id, venue.id].sort());
    expect(new Set(project.partnerUnits.map((u) => u.id))).toEqual(new Set([service.provider.id, venue.provider.id, extra.id]));
    expect(project.partnerUnits.every((u) => u.name.length > 0)).toBe(true);
    projectId = project.id;
    expect((await coBuilding()).openNeeds).toBe(2);
  });

  it('refuses matches without resources, with unknown or withdrawn resources, and for unknown needs', async () => {
    const base = { needId, title: '项目' };
    expect(refusal(await federation.query(match, { input: { ...base, resourceIds: [] } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'resourceIds',
    });
    expect(refusal(await federation.query(match, { input: { ...base, resourceIds: [nobody] } }))).toEqual({
      code: 'NOT_FOUND',
      field: 'resourceIds',
    });
    expect(refusal(await federation.query(match, { input: { ...base, needId: nobody, resourceIds: [offered[0].id] } }))).toEqual({
      code: 'NOT_FOUND',
      field: 'needId',
    });
    expect(refusal(await federation.query(match, { input: { ...base, resourceIds: [offered[0].id], partnerUnitIds: [nobody] } }))).toEqual({
      code: 'NOT_FOUND',
      field: 'partnerUnitIds',
    });
    // The seeded fund served only a completed project, so it can be withdrawn.
    const fund = offered.find((r) => r.kind === 'FUNDING')!;
    const withdrawn = await federation.query('mutation($id: ID!) { withdrawResource(id: $id) { status } }', { id: fund.id });
    expect(withdrawn.errors).toBeUndefined();
    expect(refusal(await federation.query(match, { input: { ...base, resourceIds: [fund.id] } }))).toEqual({ code: 'CONFLICT' });
  });

  it('starts the project, and completes it only once started; completing resolves the need', async () => {
    const complete =
      'mutation($id: ID!, $on: String) { completeProject(id: $id, outcome: "已更换全部楼道灯", completedOn: $on) { status completedOn outcome need { status resolvedOn } } }';
    expect(refusal(await federation.query(complete, { id: projectId }))).toEqual({ code: 'CONFLICT' });
    const started = await federation.query<{ startProject: { status: string; startedOn: string } }>(
      'mutation($id: ID!) { startProject(id: $id) { status startedOn } }',
      { id: projectId },
    );
    expect(started.data!.startProject).toEqual({ status: 'ACTIVE', startedOn: today });
    expect(refusal(await federation.query('mutation($id: ID!) { startProject(id: $id) { status } }', { id: projectId }))).toEqual({
      code: 'CONFLICT',
    });
    expect((await coBuilding()).activeProjects).toBe(2);
    expect(refusal(await federation.query(complete, { id: projectId, on: addDays(today, 1) }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'completedOn',
    });
    const done = await federation.query<{ completeProject: Record<string, unknown> }>(complete, { id: projectId });
    expect(done.data!.completeProject).toEqual({
      status: 'COMPLETED',
      completedOn: today,
      outcome: '已更换全部楼道灯',
      need: { status: 'RESOLVED', resolvedOn: today },
    });
    expect((await coBuilding()).activeProjects).toBe(1);
    expect(refusal(await federation.query(match, { input: { needId, title: '再来一次', resourceIds: [offered[0].id] } }))).toEqual({
      code: 'CONFLICT',
    });
    // Need and project events are keyed by the need (the seed wrote the demo needs' own before).
    const rows: { type: string }[] = await federation.subgraphs.resources.running.database.dataSource.query(
      'SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq',
      [needId],
    );
    expect(rows.map((r) => r.type)).toEqual(['need.raised', 'project.planned', 'project.started', 'project.completed']);
  });

  it("pages a community's needs, newest first, with a status filter", async () => {
    const page =
      'query($id: ID!, $s: NeedStatus, $after: String) { community(id: $id) { needs(status: $s, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title raisedOn projects { status } } } } } }';
    type Page = {
      community: {
        needs: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { title: string; raisedOn: string } }[];
        };
      };
    };
    const first = await federation.query<Page>(page, { id: community.id });
    expect(first.data!.community.needs.totalCount).toBe(7);
    expect(first.data!.community.needs.edges[0].node.title).toBe('楼道照明维修');
    const next = await federation.query<Page>(page, { id: community.id, after: first.data!.community.needs.pageInfo.endCursor });
    const dates = [...first.data!.community.needs.edges, ...next.data!.community.needs.edges].map((e) => e.node.raisedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const resolved = await federation.query<Page>(page, { id: community.id, s: 'RESOLVED' });
    expect(resolved.data!.community.needs.totalCount).toBe(3);
  });
});

describe('joint meetings (党建联席会议), through the gateway', () => {
  const record =
    'mutation($input: RecordJointMeetingInput!) { recordJointMeeting(input: $input) { id year convenedBy { name } attendingUnits { name } resolutions planItems { item dueBy leadUnit { name } } } }';
  let committee: { id: string; name: string };
  let input: {
    convenerId: string;
    title: string;
    heldOn: string;
    attendingUnitIds: string[];
    resolutions: string[];
    planItems: { item: string; leadUnitId: string; dueBy: string }[];
  };

  let recordedId: string;
  beforeAll(async () => {
    const streets = await federation.query<{ streets: { workingCommittee: { id: string; name: string } }[] }>(
      '{ streets { workingCommittee { id name } } }',
    );
    committee = streets.data!.streets[0].workingCommittee;
    const units = community.residentUnits.slice(0, 3);
    input = {
      convenerId: committee.id,
      title: '年度社区党建联席会议',
      heldOn: today,
      attendingUnitIds: units.map((u) => u.id),
      resolutions: ['审议通过年度社区党建工作计划'],
      planItems: [{ item: '联合举办社区运动会', leadUnitId: units[1].id, dueBy: `${today.slice(0, 4)}-12-31` }],
    };
  });

  it('records a meeting with its attendees, resolutions and the plan agreed together (计划共商)', async () => {
    const result = await federation.query<{
      recordJointMeeting: {
        year: number;
        convenedBy: { name: string };
        attendingUnits: { name: string }[];
        planItems: { leadUnit: { name: string } }[];
      };
    }>(record, { input });
    expect(result.errors).toBeUndefined();
    const meeting = result.data!.recordJointMeeting;
    expect(meeting).toMatchObject({
      year: Number(today.slice(0, 4)),
      convenedBy: { name: committee.name },
      resolutions: ['审议通过年度社区党建工作计划'],
    });
    expect(meeting.attendingUnits.map((u) => u.name)).toEqual(community.residentUnits.slice(0, 3).map((u) => u.name));
    expect(meeting.planItems[0].leadUnit.name).toBe(community.residentUnits[1].name);
    const listed = await federation.query<{ jointMeetings: { totalCount: number; edges: { node: { id: string } }[] } }>(
      'query($c: ID!, $y: Int) { jointMeetings(filter: { convenerId: $c, year: $y }) { totalCount edges { node { id } } } }',
      {
        c: committee.id,
        y: Number(today.slice(0, 4)),
      },
    );
    recordedId = (result.data!.recordJointMeeting as unknown as { id: string }).id;
    expect(listed.data!.jointMeetings.edges[0].node.id).toBe(recordedId);
    expect(await outboxTypes(federation)).toContain('joint-meeting.recorded');
  });

  it('lists the meetings a unit attended (attendingUnitId), through the GIN index on the attendees', async () => {
    const attended = (unit: string) =>
      federation.query<{ jointMeetings: { edges: { node: { id: string } }[] } }>(
        'query($c: ID!, $u: ID!) { jointMeetings(filter: { convenerId: $c, attendingUnitId: $u }, first: 100) { edges { node { id } } } }',
        { c: committee.id, u: unit },
      );
    const ids = async (unit: string) => (await attended(unit)).data!.jointMeetings.edges.map((e) => e.node.id);
    expect(await ids(input.attendingUnitIds[0])).toContain(recordedId);
    expect(await ids(input.attendingUnitIds[2])).toContain(recordedId);
    expect(await ids(community.residentUnits[4].id)).not.toContain(recordedId);
    // The filter's predicate is the one the index serves (the planner told to avoid a table scan still finds it).
    const runner = federation.subgraphs.resources.running.database.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SET enable_seqscan = off');
      const plan: { 'QUERY PLAN': string }[] = await runner.query(
        'EXPLAIN SELECT m.id FROM joint_meeting m WHERE m.attending_unit_ids @> ARRAY[CAST($1 AS uuid)]',
        [input.attendingUnitIds[0]],
      );
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('joint_meeting_attending_units_idx');
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });

  it('refuses a meeting in the future, a lead unit that did not attend, no attendees, and unknown parties', async () => {
    expect(refusal(await federation.query(record, { input: { ...input, heldOn: addDays(today, 1) } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'heldOn',
    });
    expect(
      refusal(
        await federation.query(record, { input: { ...input, planItems: [{ item: 'x', leadUnitId: community.residentUnits[4].id }] } }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'planItems[0].leadUnitId' });
    expect(refusal(await federation.query(record, { input: { ...input, attendingUnitIds: [], planItems: [] } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'attendingUnitIds',
    });
    expect(refusal(await federation.query(record, { input: { ...input, attendingUnitIds: [nobody], planItems: [] } }))).toEqual({
      code: 'NOT_FOUND',
      field: 'attendingUnitIds',
    });
    expect(refusal(await federation.query(record, { input: { ...input, convenerId: nobody } }))).toEqual({
      code: 'NOT_FOUND',
      field: 'convenerId',
    });
  });
});
