/**
 * The district's rhythm of organisational life (ADR 0018) announced: `meeting-rhythm.set` reaches the
 * organizations topic of the mock broker as the outbox wrote it, each change in the order made (keyed by
 * the rhythm), through the gateway on the real Postgres server.
 */
import { onBroker, outboxRows, startOnBroker, type OnBroker } from '@cpb/kit/testing';
import { headersOf } from '@cpb/demo-world/testing';

let stack: OnBroker;
beforeAll(async () => {
  stack = await startOnBroker('organizations');
});
afterAll(() => stack?.stop());

const setRhythm = 'mutation($type: MeetingType!, $every: Int!) { setMeetingRhythm(type: $type, everyMonths: $every) { type everyMonths } }';

it("publishes meeting-rhythm.set for each change of a type's rhythm, in order, with the type and its months", async () => {
  // A quarterly lesson made half-yearly, then quarterly again.
  for (const every of [6, 3]) {
    const set = await stack.federation.query(setRhythm, { type: 'PARTY_LESSON', every }, await headersOf('districtAdmin'));
    expect(set.errors).toBeUndefined();
  }
  const rows = await outboxRows(stack.federation, 'organizations', 'meeting-rhythm.set');
  expect(rows.map((r) => r.payload)).toEqual([
    { rhythmId: rows[0].aggregate_id, type: 'PARTY_LESSON', everyMonths: 6 },
    { rhythmId: rows[0].aggregate_id, type: 'PARTY_LESSON', everyMonths: 3 },
  ]);
  const published = await onBroker(stack.reader, 'meeting-rhythm.set', rows[0].aggregate_id, 2);
  expect(published.map((e) => e.data)).toEqual(rows.map((r) => r.payload));
  expect(published.map((e) => e.source)).toEqual(['/cpb/organizations', '/cpb/organizations']);
});
