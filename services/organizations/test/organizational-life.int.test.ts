import { codeOf, headersOf, personas } from '@cpb/demo-world/testing';
import { daysAgo, type Federation, startFederation } from '@cpb/kit/testing';
import { branchOf, person, type SeededCommunity } from '@cpb/demo-world/testing';

/** Recording, correcting and cancelling meetings of organisational life (三会一课), through the gateway. */
let federation: Federation;
let otherBranch: { id: string };
let branch: { id: string; name: string };
let roster: { id: string; status: string }[];
let newcomer: string;

const MEETING = 'id type startsAt status version attendanceCounts { expected present onLeave absent }';
const RECORD = `record { version topic place correctionReason attendance { member { id } status leaveReason canVote } }`;
const record = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { ${MEETING} ${RECORD} } }`;
const correct = `mutation($id: ID!, $input: CorrectMeetingInput!) { correctMeeting(id: $id, input: $input) { ${MEETING} history { version correctionReason attendance { member { id } status } } } }`;
const cancel = `mutation($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { ${MEETING} cancelReason } }`;

type Attendance = { member: { id: string }; status: string; leaveReason: string | null; canVote: boolean };
type Recorded = {
  id: string;
  type: string;
  startsAt: string;
  status: string;
  version: number;
  attendanceCounts: { expected: number; present: number; onLeave: number; absent: number };
  record: { attendance: Attendance[] };
};

/** A meeting at noon `days` ago (district time), different minutes per call so tests never collide by accident. */
let minute = 0;
function heldAt(days: number): string {
  minute += 1;
  return `${daysAgo(days)}T12:${String(minute % 60).padStart(2, '0')}:00+08:00`;
}

function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId: branch.id,
    type: 'MEMBERS_MEETING',
    startsAt: heldAt(5),
    place: '社区党群服务中心二楼',
    topic: '学习党章',
    agenda: '一、学习\n二、讨论',
    attendance: [],
    ...overrides,
  };
}

beforeAll(async () => {
  federation = await startFederation();
  // The demo secretary's community organisation, and the other secretary's (personas.ts).
  const communityOf = async (orgId: string): Promise<SeededCommunity> => {
    const found = await federation.query<{ organization: SeededCommunity['partyOrganization'] }>(
      'query($id: ID!) { organization(id: $id) { id children { id name kind scope } } }',
      { id: orgId },
    );
    return { id: '', residentUnits: [], partyOrganization: found.data!.organization };
  };
  branch = branchOf(await communityOf(personas.secretary.orgId), 0);
  otherBranch = branchOf(await communityOf(personas.otherSecretary.orgId), 0);
  const joined = await federation.query<{ createMember: { id: string } }>(
    'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    {
      input: { ...person(), joinedOn: daysAgo(30), category: 'EMPLOYED', organizationId: branch.id },
    },
  );
  if (joined.errors) throw new Error(JSON.stringify(joined.errors));
  newcomer = joined.data!.createMember.id;
  const members = await federation.query<{ members: { edges: { node: { id: string; status: string } }[] } }>(
    'query($id: ID!) { members(filter: { organizationId: $id }, first: 100) { edges { node { id status } } } }',
    { id: branch.id },
  );
  roster = members.data!.members.edges.map((e) => e.node);
});
afterAll(() => federation?.stop());

describe('recording a meeting', () => {
  it('records attendance for every member the branch held that day, probationary members present but not voting, and emits counts only', async () => {
    const [present, onLeave] = roster.filter((m) => m.id !== newcomer);
    const result = await federation.query<{ recordMeeting: Recorded }>(record, {
      input: input({
        attendance: [
          { memberId: present.id, status: 'PRESENT' },
          { memberId: onLeave.id, status: 'ON_LEAVE', leaveReason: '出差' },
          { memberId: newcomer, status: 'PRESENT' },
        ],
      }),
    });
    expect(result.errors).toBeUndefined();
    const meeting = result.data!.recordMeeting;
    expect(meeting.attendanceCounts).toEqual({ expected: roster.length, present: 2, onLeave: 1, absent: roster.length - 3 });
    const rows = new Map(meeting.record.attendance.map((a) => [a.member.id, a]));
    expect(rows.get(onLeave.id)).toMatchObject({ status: 'ON_LEAVE', leaveReason: '出差' });
    for (const member of roster) expect(rows.get(member.id)!.canVote).toBe(member.status === 'FULL');
    expect(rows.get(newcomer)).toMatchObject({ status: 'PRESENT', canVote: false });

    const outbox: { type: string; payload: Record<string, unknown> }[] =
      await federation.subgraphs.organizations.running.database.dataSource.query(
        `SELECT type, payload FROM outbox WHERE type LIKE 'meeting.%' ORDER BY seq`,
      );
    const event = outbox.find((e) => JSON.stringify(e.payload).includes(meeting.id))!;
    expect(event.type).toBe('meeting.recorded');
    expect(JSON.stringify(event.payload)).not.toContain('学习党章');
    expect(JSON.stringify(event.payload)).not.toContain(present.id);
    expect(JSON.stringify(event.payload)).toContain(`"present":2`);
  });

  it('counts a member only from the day they joined: marking them at an earlier meeting is BAD_USER_INPUT', async () => {
    const early = await federation.query(record, {
      input: input({ startsAt: heldAt(60), attendance: [{ memberId: newcomer, status: 'PRESENT' }] }),
    });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendance' });
    const absentEarly = await federation.query<{ recordMeeting: Recorded }>(record, { input: input({ startsAt: heldAt(60) }) });
    expect(absentEarly.data!.recordMeeting.record.attendance.map((a) => a.member.id)).not.toContain(newcomer);
  });

  it('refuses a member of another organisation, a repeated member, leave without a reason, a future start and a type the kind does not hold', async () => {
    const other = await federation.query<{ members: { edges: { node: { id: string } }[] } }>(
      'query($id: ID!) { members(filter: { organizationId: $id }, first: 1) { edges { node { id } } } }',
      { id: otherBranch.id },
    );
    const stranger = other.data!.members.edges[0].node.id;
    const cases: [Record<string, unknown>, string][] = [
      [input({ attendance: [{ memberId: stranger, status: 'PRESENT' }] }), 'attendance'],
      [
        input({
          attendance: [
            { memberId: roster[0].id, status: 'PRESENT' },
            { memberId: roster[0].id, status: 'ABSENT' },
          ],
        }),
        'attendance',
      ],
      [input({ attendance: [{ memberId: roster[0].id, status: 'ON_LEAVE' }] }), 'attendance'],
      [input({ startsAt: new Date(Date.now() + 3_600_000).toISOString() }), 'startsAt'],
      [input({ type: 'PARTY_GROUP_MEETING' }), 'type'],
      [input({ lecturerId: roster[0].id }), 'lecturerId'],
      [input({ place: null }), 'place'],
    ];
    for (const [given, field] of cases) {
      const result = await federation.query(record, { input: given });
      expect({ field, extensions: result.errors?.[0].extensions }).toMatchObject({ field, extensions: { code: 'BAD_USER_INPUT', field } });
    }
  });

  it('keeps one record per organisation, type and start: CONFLICT again, and when sent twice at once', async () => {
    const same = input();
    const [a, b] = await Promise.all([federation.query(record, { input: same }), federation.query(record, { input: same })]);
    expect([codeOf(a), codeOf(b)].sort()).toEqual(['CONFLICT', undefined].sort());
    expect(codeOf(await federation.query(record, { input: same }))).toBe('CONFLICT');
    const count = await federation.subgraphs.organizations.running.database.dataSource.query(
      'SELECT count(*)::int AS n FROM meeting WHERE organization_id = $1 AND starts_at = $2',
      [branch.id, same.startsAt],
    );
    expect(count[0].n).toBe(1);
  });
});

describe('correcting and cancelling', () => {
  it('adds a version per correction, keeps the history, refuses a stale version, and cancels', async () => {
    const first = (
      await federation.query<{ recordMeeting: Recorded }>(record, {
        input: input({ type: 'THEMED_PARTY_DAY', attendance: [{ memberId: roster[0].id, status: 'PRESENT' }] }),
      })
    ).data!.recordMeeting;
    const fix = {
      version: 1,
      reason: '补录出席人员',
      place: '社区党群服务中心',
      topic: '主题党日：志愿服务',
      attendance: [
        { memberId: roster[0].id, status: 'PRESENT' },
        { memberId: roster[1].id, status: 'PRESENT' },
      ],
    };
    const corrected = await federation.query<{
      correctMeeting: Recorded & {
        history: { version: number; correctionReason: string | null; attendance: { member: { id: string }; status: string }[] }[];
      };
    }>(correct, { id: first.id, input: fix });
    expect(corrected.errors).toBeUndefined();
    const meeting = corrected.data!.correctMeeting;
    expect(meeting.version).toBe(2);
    expect(meeting.attendanceCounts.present).toBe(2);
    expect(meeting.history.map((v) => [v.version, v.correctionReason])).toEqual([
      [1, null],
      [2, '补录出席人员'],
    ]);
    expect(meeting.history[0].attendance.filter((a) => a.status === 'PRESENT').map((a) => a.member.id)).toEqual([roster[0].id]);

    expect(codeOf(await federation.query(correct, { id: first.id, input: fix }))).toBe('CONFLICT');
    const cancelled = await federation.query<{ cancelMeeting: { status: string; cancelReason: string } }>(cancel, {
      id: first.id,
      reason: '误录',
    });
    expect(cancelled.data!.cancelMeeting).toMatchObject({ status: 'CANCELLED', cancelReason: '误录' });
    expect(codeOf(await federation.query(correct, { id: first.id, input: { ...fix, version: 2 } }))).toBe('CONFLICT');
    // The slot is free again for the record that should have been made.
    const again = await federation.query(record, { input: input({ type: 'THEMED_PARTY_DAY', startsAt: first.startsAt }) });
    expect(again.errors).toBeUndefined();

    const types: { type: string }[] = await federation.subgraphs.organizations.running.database.dataSource.query(
      `SELECT type FROM outbox WHERE aggregate_id = $1 AND type LIKE 'meeting.%' ORDER BY seq`,
      [branch.id],
    );
    expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(['meeting.recorded', 'meeting.corrected', 'meeting.cancelled']));
  });
});

describe('who records and reads meetings', () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = (
      await federation.query<{ recordMeeting: { id: string } }>(record, {
        input: input({ type: 'PARTY_LESSON', lecturerId: roster[0].id }),
      })
    ).data!.recordMeeting.id;
  });
  const read = `query($id: ID!) { meeting(id: $id) { id attendanceCounts { expected } } }`;
  const readRecord = `query($id: ID!) { meeting(id: $id) { record { attendance { member { id } } } } }`;

  it('lets the community secretary record and read in their subtree; others in theirs only', async () => {
    const bySecretary = await federation.query(record, { input: input({ type: 'PARTY_LESSON' }) }, await headersOf('secretary'));
    expect(bySecretary.errors).toBeUndefined();
    expect(codeOf(await federation.query(readRecord, { id: meetingId }, await headersOf('secretary')))).toBeUndefined();
    for (const persona of ['otherSecretary', 'otherStreetAdmin', 'member', 'analyst', 'unitLiaison'] as const) {
      expect({
        persona,
        code: codeOf(await federation.query(record, { input: input({ type: 'PARTY_LESSON' }) }, await headersOf(persona))),
      }).toEqual({ persona, code: 'FORBIDDEN' });
      expect({
        persona,
        code: codeOf(
          await federation.query(
            correct,
            { id: meetingId, input: { version: 1, reason: 'x', place: 'y', topic: 'z', attendance: [] } },
            await headersOf(persona),
          ),
        ),
      }).toEqual({ persona, code: 'FORBIDDEN' });
      expect({ persona, code: codeOf(await federation.query(cancel, { id: meetingId, reason: 'x' }, await headersOf(persona))) }).toEqual({
        persona,
        code: 'FORBIDDEN',
      });
    }
    expect(codeOf(await federation.query(record, { input: input() }, await headersOf('anonymous')))).toBe('UNAUTHENTICATED');
  });

  it("shows analysts the counts but not the names; other organisations' managers and members see neither", async () => {
    const counts = await federation.query<{ meeting: { attendanceCounts: { expected: number } } }>(
      read,
      { id: meetingId },
      await headersOf('analyst'),
    );
    expect(counts.data!.meeting.attendanceCounts.expected).toBe(roster.length);
    expect(codeOf(await federation.query(readRecord, { id: meetingId }, await headersOf('analyst')))).toBe('FORBIDDEN');
    for (const persona of ['otherSecretary', 'member', 'unitLiaison'] as const) {
      expect({ persona, code: codeOf(await federation.query(read, { id: meetingId }, await headersOf(persona))) }).toEqual({
        persona,
        code: 'FORBIDDEN',
      });
    }
  });
});
