import { republishOutbox, transactor, type CloudEvent, type Database } from '../src';
import { createKitDatabase, startKafkaBroker, startTopicReader, type KafkaBroker, type KitDatabase } from '../src/testing';

const TOPIC = 'organizations.events.v1.replay';
let kitDb: KitDatabase;
let db: Database;
let broker: KafkaBroker;
const ids: Record<string, string> = {};

beforeAll(async () => {
  kitDb = await createKitDatabase('republish', { serviceName: 'organizations' });
  db = kitDb.db;
  broker = await startKafkaBroker({ topics: [{ name: TOPIC, partitions: 2 }] });
  // Five events of two types on two days; all published but the last, which the relay has not sent yet.
  const plan: [string, string, boolean][] = [
    ['street-2024', '2024-03-01', true],
    ['grid-2024', '2024-03-01', true],
    ['street-2025', '2025-03-01', true],
    ['grid-2025', '2025-03-01', true],
    ['street-unsent', '2025-03-01', false],
  ];
  for (const [name, day, published] of plan) {
    const id = crypto.randomUUID();
    const event = name.startsWith('street')
      ? { type: 'street.created', aggregateType: 'street', aggregateId: id, data: { streetId: id, name: '东风街道', district: '和平区' } }
      : {
          type: 'grid.created',
          aggregateType: 'community',
          aggregateId: id,
          data: { gridId: crypto.randomUUID(), communityId: id, name: '第一网格' },
        };
    await transactor(db.dataSource)(({ outbox }) => outbox.emit(event));
    const [[row]] = await db.dataSource.query(
      `UPDATE outbox SET occurred_at = $2, published_at = CASE WHEN $3 THEN now() END WHERE aggregate_id = $1 RETURNING id`,
      [id, `${day}T08:00:00Z`, published],
    );
    ids[name] = row.id;
  }
  // History written before the outbox scrubbed free text: the archive still holds the phone number.
  await db.dataSource.query(`UPDATE outbox SET payload = jsonb_set(payload, '{name}', '"东风街道 联系电话13812345678"') WHERE id = $1`, [
    ids['street-2024'],
  ]);
});

afterAll(async () => {
  await broker?.stop();
  await kitDb?.drop();
});

it('republishes only archived (published) events, filtered by time and type, marked with one replay id, their free text scrubbed', async () => {
  const reader = await startTopicReader(broker.brokers, TOPIC);
  const kafka = { connectionTimeout: 1_000, requestTimeout: 2_000 };
  const since2025 = await republishOutbox({
    dataSource: db.dataSource,
    service: 'organizations',
    brokers: broker.brokers,
    topic: TOPIC,
    since: new Date('2025-01-01'),
    kafka,
  });
  const streets2024 = await republishOutbox({
    dataSource: db.dataSource,
    service: 'organizations',
    brokers: broker.brokers,
    topic: TOPIC,
    until: new Date('2025-01-01'),
    types: ['street.created'],
    kafka,
  });
  expect([since2025.events, streets2024.events]).toEqual([2, 1]);
  const events = (await reader.waitFor((messages) => messages.length === 3, 20_000)).map((m) => JSON.parse(m.value) as CloudEvent);
  await reader.stop();
  const byRun = (replayId: string) =>
    events
      .filter((e) => e.replayid === replayId)
      .map((e) => e.id)
      .sort();
  expect(byRun(since2025.replayId)).toEqual([ids['street-2025'], ids['grid-2025']].sort());
  expect(byRun(streets2024.replayId)).toEqual([ids['street-2024']]);
  expect(events.every((e) => e.source === '/cpb/organizations' && typeof e.replayedat === 'string')).toBe(true);
  expect(events.find((e) => e.id === ids['street-2024'])!.data.name).toBe('东风街道 联系电话[PHONE]');
});
