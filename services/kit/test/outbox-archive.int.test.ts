import { loadConfig, outboxArchiveEnvSchema, pruneOutboxArchive, transactor, type Database } from '../src';
import { createKitDatabase, type KitDatabase } from '../src/testing';

let kitDb: KitDatabase;
let db: Database;

beforeAll(async () => {
  kitDb = await createKitDatabase('outbox_archive', { serviceName: 'archive' });
  db = kitDb.db;
});

afterAll(() => kitDb?.drop());

/** Writes one event per (published age in days | null = unpublished), each 40 days old; returns their ids in order. */
async function archive(publishedDaysAgo: (number | null)[]): Promise<string[]> {
  const ids: string[] = [];
  for (const age of publishedDaysAgo) {
    const streetId = crypto.randomUUID();
    await transactor(db.dataSource)(({ outbox }) =>
      outbox.emit({
        type: 'street.created',
        aggregateType: 'street',
        aggregateId: streetId,
        data: { streetId, name: '东风街道', district: '和平区' },
      }),
    );
    const [[{ id }]] = await db.dataSource.query(
      `UPDATE outbox SET occurred_at = now() - interval '40 days', published_at = CASE WHEN $2::int IS NULL THEN NULL ELSE now() - make_interval(days => $2::int) END
       WHERE aggregate_id = $1 RETURNING id`,
      [streetId, age],
    );
    ids.push(id);
  }
  return ids;
}

it('keeps published events for OUTBOX_ARCHIVE_DAYS (default 1,826: five years), and refuses less than a day', () => {
  expect(loadConfig(outboxArchiveEnvSchema, {}).OUTBOX_ARCHIVE_DAYS).toBe(1826);
  expect(loadConfig(outboxArchiveEnvSchema, { OUTBOX_ARCHIVE_DAYS: '400' }).OUTBOX_ARCHIVE_DAYS).toBe(400);
  expect(() => loadConfig(outboxArchiveEnvSchema, { OUTBOX_ARCHIVE_DAYS: '0' })).toThrow(
    /OUTBOX_ARCHIVE_DAYS: keep published events at least one day/,
  );
});

it('prunes only published events older than the archive period, batch after batch; unpublished ones however old stay', async () => {
  const [old1, recent, unpublished, old2, old3, young] = await archive([31, 29, null, 45, 60, 1]);
  expect(await pruneOutboxArchive(db.dataSource, 30, 2)).toBe(3);
  const left: { id: string }[] = await db.dataSource.query(`SELECT id FROM outbox ORDER BY seq`);
  expect(left.map((row) => row.id)).toEqual([recent, unpublished, young]);
  expect([old1, old2, old3].some((id) => left.some((row) => row.id === id))).toBe(false);
  expect(await pruneOutboxArchive(db.dataSource, 30)).toBe(0);
});
