import { randomUUID } from 'node:crypto';
import { mintCallerToken, msg, pruneIdempotencyKeys, render } from '@cpb/kit';
import { type Federation } from '@cpb/kit/testing';
import {
  activitiesSql,
  activityInput,
  createActivityMutation,
  publishedActivity,
  signUpMutation,
} from '../services/activities/test/fixtures';
import { type Neighbourhood, startNeighbourhood } from '@cpb/demo-world/testing';

let federation: Federation;
let place: Neighbourhood;

beforeAll(async () => ({ federation, place } = await startNeighbourhood()));
afterAll(() => federation?.stop());

type Created = { createActivity: { id: string; title: string; startsAt: string } };
const withKey = async (key: string) => federation.asAdmin({ 'idempotency-key': key });
const create = async (key: string, input: Record<string, unknown>) =>
  federation.query<Created>(createActivityMutation, { input }, await withKey(key));

/** What a write leaves behind in the activities database: rows, their outbox events and audit rows. */
async function footprint(): Promise<Record<string, number>> {
  const [row] = await activitiesSql<Record<string, number>>(
    federation,
    `SELECT (SELECT count(*)::int FROM activity) AS activities, (SELECT count(*)::int FROM participation) AS participations,
            (SELECT count(*)::int FROM outbox) AS events, (SELECT count(*)::int FROM audit_log) AS audits`,
  );
  return row;
}

describe('Idempotency-Key on mutations, through the gateway', () => {
  it('answers a retry with the first result and writes nothing new', async () => {
    const key = randomUUID();
    const input = activityInput(place, { title: `重试 ${key}` });
    const first = await create(key, input);
    expect(first.errors).toBeUndefined();
    const after = await footprint();
    const retry = await create(key, input);
    expect(retry).toEqual(first);
    expect(await footprint()).toEqual(after);
  });

  it('lets one of two copies arriving at once write; the other waits and answers the same', async () => {
    const key = randomUUID();
    const input = activityInput(place, { title: `并发 ${key}` });
    const before = await footprint();
    const copies = await Promise.all(Array.from({ length: 5 }, () => create(key, input)));
    for (const copy of copies) expect(copy).toEqual(copies[0]);
    expect(copies[0].data?.createActivity.id).toBeDefined();
    const after = await footprint();
    expect(after.activities - before.activities).toBe(1);
    const rows = await activitiesSql<{ n: number }>(federation, 'SELECT count(*)::int AS n FROM activity WHERE title = $1', [input.title]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses the same key with other arguments or from another caller (CONFLICT), writing nothing', async () => {
    const key = randomUUID();
    const input = activityInput(place, { title: `冲突 ${key}` });
    await create(key, input);
    const before = await footprint();
    const otherArgs = await create(key, { ...input, capacity: 11 });
    expect(otherArgs.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'idempotency.reused' });
    expect(otherArgs.errors?.[0].message).toBe(render(msg('idempotency.reused'), 'zh-CN'));
    const someoneElse = await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'another-district-admin' });
    const otherCaller = await federation.query<Created>(
      createActivityMutation,
      { input },
      { authorization: `Bearer ${someoneElse}`, 'idempotency-key': key },
    );
    expect(otherCaller.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await footprint()).toEqual(before);
  });

  it('keys each mutation of a document by its response name, so one key serves an operation with several', async () => {
    const id = await publishedActivity(federation, place);
    const [m1, m2] = place.memberIds;
    const both = `mutation($a: ID!, $m1: ID!, $m2: ID!) { first: signUp(activityId: $a, memberId: $m1) { id status } second: signUp(activityId: $a, memberId: $m2) { id status } }`;
    const headers = await withKey(randomUUID());
    const once = await federation.query<{ first: { id: string }; second: { id: string } }>(both, { a: id, m1, m2 }, headers);
    expect(once.errors).toBeUndefined();
    expect(once.data!.first.id).not.toBe(once.data!.second.id);
    const before = await footprint();
    expect(await federation.query(both, { a: id, m1, m2 }, headers)).toEqual(once);
    expect(await footprint()).toEqual(before);
  });

  it('runs a retry again when the first attempt was refused (a refusal writes no key)', async () => {
    const id = await publishedActivity(federation, place, { capacity: 1 });
    const [m1, m2] = place.memberIds;
    await federation.query(signUpMutation, { a: id, m: m1 });
    const headers = await withKey(randomUUID());
    const full = await federation.query(signUpMutation, { a: id, m: m2 }, headers);
    expect(full.errors?.[0].extensions?.code).toBe('CONFLICT');
    await federation.query('mutation($a: ID!, $m: ID!) { cancelSignUp(activityId: $a, memberId: $m) { status } }', { a: id, m: m1 });
    const again = await federation.query<{ signUp: { status: string } }>(signUpMutation, { a: id, m: m2 }, headers);
    expect(again.data?.signUp.status).toBe('SIGNED_UP');
  });

  it('forgets a key once it expired: the same request then writes again; the pruner deletes expired keys', async () => {
    const key = randomUUID();
    const input = activityInput(place, { title: `过期 ${key}` });
    const first = await create(key, input);
    const stored = await activitiesSql<{ hours: number }>(
      federation,
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM idempotency_key WHERE key = $1`,
      [key],
    );
    expect(stored).toEqual([{ hours: 24 }]);
    await activitiesSql(federation, `UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const later = await create(key, input);
    expect(later.data!.createActivity.id).not.toBe(first.data!.createActivity.id);
    await activitiesSql(federation, `UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    expect(await pruneIdempotencyKeys(federation.subgraphs.activities.running.database.dataSource)).toBeGreaterThanOrEqual(1);
    expect(await activitiesSql(federation, 'SELECT 1 FROM idempotency_key WHERE key = $1', [key])).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['has space', 'a space'],
    ['x'.repeat(256), 'too long'],
    ['clé', 'not ASCII'],
  ])('refuses a malformed key (%#: %s) with BAD_USER_INPUT, writing nothing', async (key) => {
    const before = await footprint();
    const answer = await create(key, activityInput(place));
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotency-key',
      messageKey: 'idempotency.badKey',
    });
    expect(await footprint()).toEqual(before);
  });
});
