/**
 * The dues invariants hold in the database itself, whatever a use case does (migration
 * 1768000000000-PartyDues): statements that break them are refused by Postgres.
 */
import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph } from '@cpb/kit/testing';
import { members } from '@cpb/members';

let subgraph: TestSubgraph;
let sql: (text: string, params?: unknown[]) => Promise<unknown>;
const memberId = randomUUID();

beforeAll(async () => {
  subgraph = await startTestSubgraph(members);
  const ds = subgraph.running.database.dataSource;
  sql = (text, params) => ds.query(text, params);
  await sql(
    `INSERT INTO member (id, name, gender, birth_date, ethnicity, category, organization_id, joined_on, status, skills)
     VALUES ($1, '测试', 'FEMALE', '1990-01-01', '汉族', 'EMPLOYED', $2, '2020-01-01', 'FULL', '{}')`,
    [memberId, randomUUID()],
  );
});
afterAll(() => subgraph?.stop());

const base = (basis: string, baseFen: number | null, fromMonth = 1) =>
  sql(
    `INSERT INTO dues_base (id, member_id, year, from_month, basis, base_fen, declared_by) VALUES ($1, $2, 2026, $3, $4, $5, 'test') RETURNING id`,
    [randomUUID(), memberId, fromMonth, basis, baseFen],
  );
const payment = (key: string, amount: number, kind = 'PAYMENT', reverses: string | null = null) =>
  sql(
    `INSERT INTO dues_payment (id, member_id, idempotency_key, kind, amount_fen, months, channel, received_on, received_by, reverses_id)
     VALUES ($1, $2, $3, $4, $5, ARRAY['2026-01-01']::date[], 'CASH', '2026-01-15', 'test', $6) RETURNING id`,
    [randomUUID(), memberId, key, kind, amount, reverses],
  ) as Promise<{ id: string }[]>;

describe('dues constraints in Postgres', () => {
  it('refuses a base that does not fit its basis', async () => {
    await expect(base('EMPLOYED', null, 2)).rejects.toThrow(/check/);
    await expect(base('STUDENT', 100, 3)).rejects.toThrow(/check/);
    await expect(base('FARMER', 101, 4)).rejects.toThrow(/check/);
    await expect(base('EMPLOYED', 100_000_001, 5)).rejects.toThrow(/check/);
    await base('EMPLOYED', 500_000, 6);
    await expect(base('RETIRED', 1000, 6)).rejects.toThrow(/duplicate key/);
  });

  it('keeps the ledger append-only, each idempotency key and each reversal once', async () => {
    const [first] = await payment('key-1', 1500);
    await expect(payment('key-1', 1500)).rejects.toThrow(/duplicate key/);
    await expect(sql(`UPDATE dues_payment SET amount_fen = 1 WHERE id = $1`, [first.id])).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM dues_payment WHERE id = $1`, [first.id])).rejects.toThrow(/append-only/);
    await expect(payment('key-2', 1500, 'REVERSAL', first.id)).rejects.toThrow(/check/);
    await payment('key-3', -1500, 'REVERSAL', first.id);
    await expect(payment('key-4', -1500, 'REVERSAL', first.id)).rejects.toThrow(/duplicate key/);
    await expect(payment('key-5', 0)).rejects.toThrow(/check/);
  });

  it("refuses overlapping reductions of one member's dues and a due above the amount", async () => {
    const reduction = (from: string, until: string) =>
      sql(
        `INSERT INTO dues_reduction (id, member_id, kind, monthly_fen, from_month, until_month, approved_by, approved_on, recorded_by, reason)
         VALUES ($1, $2, 'WAIVED', NULL, $3, $4, '支部委员会', '2026-01-01', 'test', '困难')`,
        [randomUUID(), memberId, from, until],
      );
    await reduction('2026-01-01', '2026-06-01');
    await expect(reduction('2026-06-01', '2026-12-01')).rejects.toThrow(/conflicting key|exclusion/);
    await expect(reduction('2026-08-15', '2026-12-01')).rejects.toThrow(/check/);
    const [{ id: baseId }] = (await base('RETIRED', 300_000, 9)) as { id: string }[];
    await expect(
      sql(
        `INSERT INTO dues_month (member_id, month, base_id, rule, rate_basis_points, amount_fen, due_fen) VALUES ($1, '2026-09-01', $2, 'RETIRED_UP_TO_5000', 50, 1500, 1600)`,
        [memberId, baseId],
      ),
    ).rejects.toThrow(/check/);
  });
});
