import { transactor, type Database } from '../src';
import { createKitDatabase, type KitDatabase } from '../src/testing';

let kitDb: KitDatabase;
let db: Database;

beforeAll(async () => {
  kitDb = await createKitDatabase('outbox_scrub', { serviceName: 'scrub' });
  db = kitDb.db;
});

afterAll(() => kitDb?.drop());

it('writes an event to the outbox with its free text scrubbed and the names given replaced; the names themselves are not stored', async () => {
  const agreementId = crypto.randomUUID();
  const communityId = crypto.randomUUID();
  const partnerUnitId = crypto.randomUUID();
  const reason = '联络员王建国调离，电话13812345678，邮箱wjg@example.cn';
  await transactor(db.dataSource)(({ outbox }) =>
    outbox.emit({
      type: 'agreement.terminated',
      aggregateType: 'agreement',
      aggregateId: agreementId,
      data: { agreementId, communityId, partnerUnitId, terminatedOn: '2026-05-18', reason },
      personNames: ['王建国'],
    }),
  );
  const [row] = await db.dataSource.query(`SELECT payload FROM outbox WHERE aggregate_id = $1`, [agreementId]);
  expect(row.payload).toEqual({
    agreementId,
    communityId,
    partnerUnitId,
    terminatedOn: '2026-05-18',
    reason: '联络员[NAME]调离，电话[PHONE]，邮箱[EMAIL]',
  });
  const [{ stored }] = await db.dataSource.query(
    `SELECT count(*)::int AS stored FROM outbox WHERE payload::text LIKE '%王建国%' OR payload::text LIKE '%13812345678%'`,
  );
  expect(stored).toBe(0);
});
