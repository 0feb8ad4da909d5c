import { msg, YEARS } from '@cpb/kit';
import { refused } from '@cpb/kit/testing';
import { type Federation, hoursFromNow, inEnglish } from '@cpb/kit/testing';
import {
  activitiesSql,
  checkInMutation,
  checkOutMutation,
  completeMutation,
  eventsOf,
  moveActivity,
  publishedActivity,
  signUpMutation,
} from './fixtures';
import { type Neighbourhood, startNeighbourhood } from '@cpb/demo-world/testing';

let federation: Federation;
let place: Neighbourhood;

// Asked in English: these tests read the refusals' English wording.
beforeAll(async () => {
  ({ federation, place } = await startNeighbourhood());
  federation = inEnglish(federation);
});
afterAll(() => federation?.stop());

const MINUTE = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE).toISOString();
type Participant = { status: string; hours: number | null; checkedInAt: string | null; member: { id: string } };

const checkIn = (a: string, m: string, when?: string) => federation.query<{ checkIn: Participant }>(checkInMutation, { a, m, at: when });
const checkOut = (a: string, m: string, when?: string) => federation.query<{ checkOut: Participant }>(checkOutMutation, { a, m, at: when });
const complete = (id: string) => federation.query<{ completeActivity: { status: string } }>(completeMutation, { id });
const volunteerHours = async (memberId: string) =>
  (
    await federation.query<{ member: { volunteerHours: number } }>('query($id: ID!) { member(id: $id) { volunteerHours } }', {
      id: memberId,
    })
  ).data!.member.volunteerHours;

async function participants(activityId: string): Promise<Map<string, Participant>> {
  const result = await federation.query<{ activity: { participants: { edges: { node: Participant }[] } } }>(
    'query($id: ID!) { activity(id: $id) { participants(first: 100) { edges { node { status hours checkedInAt member { id } } } } } }',
    { id: activityId },
  );
  return new Map(result.data!.activity.participants.edges.map((e) => [e.node.member.id, e.node]));
}

/** A published two-hour activity the given members signed up for, then moved so that it ran from `start` (in the past). */
async function heldActivity(memberIds: string[], start: Date): Promise<string> {
  const id = await publishedActivity(federation, place);
  for (const m of memberIds) await federation.query(signUpMutation, { a: id, m });
  await moveActivity(federation, id, start, new Date(start.getTime() + 120 * MINUTE));
  return id;
}

describe('check-in, check-out and hours, through the gateway', () => {
  it('checks in only signed-up members within the window (30 minutes before the start until the end)', async () => {
    const [m1, m2, m3] = place.memberIds.slice(10);
    const start = hoursFromNow(-3);
    const id = await heldActivity([m1, m2], start);
    expect((await checkIn(id, m1, at(start, -40))).errors?.[0]).toMatchObject({
      message: expect.stringContaining('Check-in'),
      extensions: { code: 'CONFLICT' },
    });
    expect((await checkIn(id, m1, at(start, 125))).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await checkIn(id, m3, at(start, 5))).errors?.[0]).toMatchObject({
      message: expect.stringContaining('signed up'),
      extensions: { code: 'CONFLICT' },
    });
    expect((await checkIn(id, m1, hoursFromNow(1).toISOString())).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'at', msg('date.notInFuture', { field: 'at' })),
    );
    expect((await checkIn(id, m1, 'yesterday')).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'at', msg('input.dateTime', { field: 'at', ...YEARS })),
    );

    const checkedIn = await checkIn(id, m1, at(start, -10));
    expect(checkedIn.data!.checkIn).toMatchObject({ status: 'ATTENDED', checkedInAt: at(start, -10) });
    expect((await checkIn(id, m1, at(start, 1))).errors?.[0].message).toContain('already checked in');
    expect((await checkOut(id, m2, at(start, 60))).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await checkOut(id, m1, at(start, -20))).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'at', msg('checkOut.beforeCheckIn')),
    );
    expect(await eventsOf(federation, id)).toContain('participation.checked-in');
  });

  it('credits hours from check-in to check-out, capped at the length, once; completing again credits nothing more', async () => {
    const [early, partial, forgot, absent] = place.memberIds.slice(20);
    const start = hoursFromNow(-3);
    const id = await heldActivity([early, partial, forgot, absent], start);
    await checkIn(id, early, at(start, -10));
    await checkOut(id, early, at(start, 150)); // 2 h 40 min present, capped at the 2-hour length
    await checkIn(id, partial, at(start, 30));
    await checkOut(id, partial, at(start, 75)); // 45 minutes
    await checkIn(id, forgot, at(start, 60)); // never checked out: counted until the end
    const before = await volunteerHours(early);

    const completed = await complete(id);
    expect(completed.errors).toBeUndefined();
    expect(completed.data!.completeActivity.status).toBe('COMPLETED');
    const credited = await participants(id);
    expect(credited.get(early)).toMatchObject({ status: 'ATTENDED', hours: 2 });
    expect(credited.get(partial)).toMatchObject({ status: 'ATTENDED', hours: 0.75 });
    expect(credited.get(forgot)).toMatchObject({ status: 'ATTENDED', hours: 1 });
    expect(credited.get(absent)).toMatchObject({ status: 'NO_SHOW', hours: null });
    expect(await volunteerHours(early)).toBe(before + 2);

    const again = await complete(id);
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringContaining('already completed'), extensions: { code: 'CONFLICT' } });
    expect(await volunteerHours(early)).toBe(before + 2);
    const ledger = await activitiesSql<{ n: number; hours: number }>(
      federation,
      'SELECT count(*)::int AS n, sum(hours)::float8 AS hours FROM service_hours WHERE activity_id = $1',
      [id],
    );
    expect(ledger[0]).toEqual({ n: 3, hours: 3.75 });
    const events = await eventsOf(federation, id);
    expect(events.filter((t) => t === 'activity.completed')).toHaveLength(1);
    expect(events.filter((t) => t === 'participation.hours-credited')).toHaveLength(3);
    expect((await checkIn(id, absent, at(start, 100))).errors?.[0].message).toContain('already completed');
  });

  it('credits once when two completions race', async () => {
    const members = place.memberIds.slice(30, 33);
    const start = hoursFromNow(-4);
    const id = await heldActivity(members, start);
    for (const m of members) await checkIn(id, m, at(start, 0));
    const results = await Promise.all([complete(id), complete(id), complete(id)]);
    expect(results.filter((r) => r.data?.completeActivity?.status === 'COMPLETED')).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    const ledger = await activitiesSql<{ n: number; hours: number }>(
      federation,
      'SELECT count(*)::int AS n, sum(hours)::float8 AS hours FROM service_hours WHERE activity_id = $1',
      [id],
    );
    expect(ledger[0]).toEqual({ n: 3, hours: 6 });
  });

  it('refuses to complete an activity that has not started, or was cancelled', async () => {
    const upcoming = await publishedActivity(federation, place);
    expect((await complete(upcoming)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('not started'),
      extensions: { code: 'CONFLICT' },
    });
    await federation.query('mutation($id: ID!) { cancelActivity(id: $id) { status } }', { id: upcoming });
    expect((await complete(upcoming)).errors?.[0].message).toContain('was cancelled');
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await complete(nobody)).errors?.[0].extensions).toEqual(
      refused('NOT_FOUND', 'id', msg('record.notFound', { entity: 'Activity', id: nobody })),
    );
  });

  it('cancels an activity with its sign-ups, but not once members have checked in', async () => {
    const [m1, m2] = place.memberIds.slice(40);
    const id = await publishedActivity(federation, place);
    await federation.query(signUpMutation, { a: id, m: m1 });
    await federation.query(signUpMutation, { a: id, m: m2 });
    const cancel = (activityId: string) =>
      federation.query<{ cancelActivity: { status: string; signedUpCount: number } }>(
        'mutation($id: ID!) { cancelActivity(id: $id) { status signedUpCount } }',
        { id: activityId },
      );
    expect((await cancel(id)).data!.cancelActivity).toEqual({ status: 'CANCELLED', signedUpCount: 0 });
    expect([...(await participants(id)).values()].map((p) => p.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect((await cancel(id)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await federation.query(signUpMutation, { a: id, m: m1 })).errors?.[0].message).toContain('was cancelled');
    expect(await eventsOf(federation, id)).toContain('activity.cancelled');

    const start = hoursFromNow(-1);
    const attended = await heldActivity([m1], start);
    await checkIn(attended, m1, at(start, 5));
    expect((await cancel(attended)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('complete it instead'),
      extensions: { code: 'CONFLICT' },
    });
  });
});
