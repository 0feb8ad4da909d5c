import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { openDatabase, type Database } from '@cpb/kit';
import { createTestDatabase, type TestDatabase } from '@cpb/kit/testing';
import { migrations } from '../src/migrations';
import { AddReasonCodes1767200000024 } from '../src/migrations/1767200000024-AddReasonCodes';

const silent = pino({ level: 'silent' });
let testDb: TestDatabase;

afterAll(async () => {
  await testDb?.drop();
});

async function open(upTo: readonly unknown[]): Promise<Database> {
  return openDatabase({
    serviceName: 'resources',
    url: testDb.url,
    poolMax: 1,
    embeddedDataDir: '.data',
    entities: [],
    migrations: upTo as never,
    logger: silent,
  });
}

it('gives every booking cancelled and agreement terminated before the reason codes a code, and then requires one', async () => {
  testDb = await createTestDatabase('reason_codes');
  const before = migrations.filter((m) => m !== AddReasonCodes1767200000024);
  const [released, cancelled, confirmed, terminated] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const old = await open(before);
  try {
    const resource = randomUUID();
    await old.dataSource.query(
      `INSERT INTO resource (id, provider_id, community_id, kind, name, capacity) VALUES ($1, $2, $2, 'VENUE', '会议室', 30)`,
      [resource, randomUUID()],
    );
    const booking = `INSERT INTO booking (id, resource_id, booked_by_id, purpose, starts_at, ends_at, headcount, status, cancelled_at, cancellation_reason)
      VALUES ($1, $2, $2, '学习', $3::timestamptz, $3::timestamptz + interval '1 hour', 5, $4, CASE WHEN $4 = 'CANCELLED' THEN now() END, $5)`;
    await old.dataSource.query(booking, [released, resource, '2026-01-05T02:00:00Z', 'CANCELLED', 'The activity was cancelled']);
    await old.dataSource.query(booking, [cancelled, resource, '2026-01-06T02:00:00Z', 'CANCELLED', '联系人13812345678有事']);
    await old.dataSource.query(booking, [confirmed, resource, '2026-01-07T02:00:00Z', 'CONFIRMED', null]);
    await old.dataSource.query(
      `INSERT INTO agreement (id, community_id, community_organization_id, partner_unit_id, title, signed_on, valid_from, valid_to, status, community_liaison_id, unit_liaison_id, terminated_on, termination_reason)
       VALUES ($1, $2, $2, $2, '协议', '2025-01-01', '2025-01-01', '2027-12-31', 'TERMINATED', $2, $2, '2026-01-01', '单位搬迁')`,
      [terminated, randomUUID()],
    );
  } finally {
    await old.close();
  }
  const now = await open(migrations);
  try {
    const bookings: { id: string; code: string | null }[] = await now.dataSource.query(
      `SELECT id, cancellation_reason_code AS code FROM booking`,
    );
    expect(Object.fromEntries(bookings.map((b) => [b.id, b.code]))).toEqual({
      [released]: 'ACTIVITY_CANCELLED',
      [cancelled]: 'OTHER',
      [confirmed]: null,
    });
    expect(await now.dataSource.query(`SELECT termination_reason_code AS code FROM agreement`)).toEqual([{ code: 'OTHER' }]);
    await expect(
      now.dataSource.query(`UPDATE booking SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [confirmed]),
    ).rejects.toThrow(/booking_cancellation_reason_code_when_cancelled/);
    await expect(
      now.dataSource.query(`UPDATE booking SET cancellation_reason_code = 'ACCIDENT' WHERE id = $1`, [cancelled]),
    ).rejects.toThrow(/cancellation_reason_code_check/);
    await expect(now.dataSource.query(`UPDATE agreement SET termination_reason_code = NULL`)).rejects.toThrow(
      /agreement_termination_reason_code_when_terminated/,
    );
  } finally {
    await now.close();
  }
});
