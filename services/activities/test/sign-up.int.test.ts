import { msg } from '@cpb/kit';
import { refused } from '@cpb/kit/testing';
import { type Federation, hoursFromNow, inEnglish } from '@cpb/kit/testing';
import {
  activitiesSql,
  activityInput,
  createActivityMutation,
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

const signUp = (activityId: string, memberId: string) =>
  federation.query<{ signUp: { status: string } }>(signUpMutation, { a: activityId, m: memberId });
const cancelSignUp = (activityId: string, memberId: string) =>
  federation.query<{ cancelSignUp: { status: string } }>(
    'mutation($a: ID!, $m: ID!) { cancelSignUp(activityId: $a, memberId: $m) { status } }',
    { a: activityId, m: memberId },
  );
const activity = async (id: string) =>
  (
    await federation.query<{ activity: { status: string; signedUpCount: number; capacity: number } }>(
      'query($id: ID!) { activity(id: $id) { status signedUpCount capacity } }',
      { id },
    )
  ).data!.activity;

describe('signing up, through the gateway', () => {
  it('opens sign-up only once published, one sign-up per member, never beyond the capacity', async () => {
    const created = await federation.query<{ createActivity: { id: string; status: string } }>(createActivityMutation, {
      input: activityInput(place, { capacity: 2 }),
    });
    const id = created.data!.createActivity.id;
    expect(created.data!.createActivity.status).toBe('DRAFT');
    const [m1, m2, m3] = place.memberIds;

    const draft = await signUp(id, m1);
    expect(draft.errors?.[0]).toMatchObject({ message: expect.stringContaining('not published yet'), extensions: { code: 'CONFLICT' } });

    await federation.query('mutation($id: ID!) { publishActivity(id: $id) { status } }', { id });
    expect((await signUp(id, m1)).data!.signUp.status).toBe('SIGNED_UP');
    const twice = await signUp(id, m1);
    expect(twice.errors?.[0]).toMatchObject({ message: expect.stringContaining('already signed up'), extensions: { code: 'CONFLICT' } });
    expect((await signUp(id, m2)).data!.signUp.status).toBe('SIGNED_UP');
    const full = await signUp(id, m3);
    expect(full.errors?.[0]).toMatchObject({ message: expect.stringContaining('is full'), extensions: { code: 'CONFLICT' } });
    expect(await activity(id)).toEqual({ status: 'PUBLISHED', signedUpCount: 2, capacity: 2 });
    expect(await eventsOf(federation, id)).toEqual(['activity.published', 'participation.signed-up', 'participation.signed-up']);
  });

  it('gives the place back when a sign-up is withdrawn, and lets the member sign up again', async () => {
    const id = await publishedActivity(federation, place, { capacity: 1 });
    const [m1, m2] = place.memberIds;
    await signUp(id, m1);
    expect((await cancelSignUp(id, m1)).data!.cancelSignUp.status).toBe('CANCELLED');
    expect((await activity(id)).signedUpCount).toBe(0);
    expect((await cancelSignUp(id, m1)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await signUp(id, m2)).data!.signUp.status).toBe('SIGNED_UP');
    expect((await signUp(id, m1)).errors?.[0].message).toContain('is full');
    await cancelSignUp(id, m2);
    expect((await signUp(id, m1)).data!.signUp.status).toBe('SIGNED_UP');
    const rows = await activitiesSql<{ n: number }>(federation, 'SELECT count(*)::int AS n FROM participation WHERE activity_id = $1', [
      id,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('gives exactly 10 sign-ups and 40 CONFLICT refusals to 50 concurrent requests for 10 places', async () => {
    const id = await publishedActivity(federation, place, { capacity: 10 });
    const results = await Promise.all(place.memberIds.slice(0, 50).map((m) => signUp(id, m)));
    const succeeded = results.filter((r) => r.data?.signUp?.status === 'SIGNED_UP');
    const refused = results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT');
    expect(succeeded).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect(r.errors![0].message).toContain('is full');
    expect((await activity(id)).signedUpCount).toBe(10);
    const rows = await activitiesSql<{ n: number }>(
      federation,
      `SELECT count(*)::int AS n FROM participation WHERE activity_id = $1 AND status = 'SIGNED_UP'`,
      [id],
    );
    expect(rows[0].n).toBe(10);
  });

  it('closes sign-up and withdrawal at the start', async () => {
    const id = await publishedActivity(federation, place);
    const [m1, m2] = place.memberIds;
    await signUp(id, m1);
    await moveActivity(federation, id, hoursFromNow(-0.5), hoursFromNow(1.5));
    expect((await activity(id)).status).toBe('ONGOING');
    const late = await signUp(id, m2);
    expect(late.errors?.[0]).toMatchObject({ message: expect.stringContaining('already started'), extensions: { code: 'CONFLICT' } });
    expect((await cancelSignUp(id, m1)).errors?.[0].message).toContain('already started');
  });

  it('refuses unknown and malformed ids with NOT_FOUND and BAD_USER_INPUT naming the argument', async () => {
    const id = await publishedActivity(federation, place);
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await signUp(id, nobody)).errors?.[0].extensions).toEqual(
      refused('NOT_FOUND', 'memberId', msg('record.notFound', { entity: 'Member', id: nobody })),
    );
    expect((await signUp(nobody, place.memberIds[0])).errors?.[0].extensions).toEqual(
      refused('NOT_FOUND', 'activityId', msg('record.notFound', { entity: 'Activity', id: nobody })),
    );
    expect((await signUp('nope', place.memberIds[0])).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'activityId', msg('input.id', { field: 'activityId' })),
    );
  });

  it('refuses a capacity below the sign-ups (CONFLICT) and moves it otherwise', async () => {
    const id = await publishedActivity(federation, place, { capacity: 3 });
    await signUp(id, place.memberIds[0]);
    await signUp(id, place.memberIds[1]);
    const change = (capacity: number) =>
      federation.query<{ changeActivityCapacity: { capacity: number } }>(
        'mutation($id: ID!, $c: Int!) { changeActivityCapacity(id: $id, capacity: $c) { capacity } }',
        { id, c: capacity },
      );
    expect((await change(1)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await change(0)).errors?.[0].extensions).toEqual(
      refused('BAD_USER_INPUT', 'capacity', msg('activity.capacityRange', { max: 10_000 })),
    );
    expect((await change(2)).data!.changeActivityCapacity.capacity).toBe(2);
    expect((await signUp(id, place.memberIds[2])).errors?.[0].message).toContain('is full');
    expect(await eventsOf(federation, id)).toContain('activity.capacity-changed');
  });
});
