import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Party dues (党费, issue 17). The invariants live here as well as in the use cases:
 * - a declared base fits its basis (income or pension 0-1,000,000 yuan, a farmer's 0.2-1 yuan, none for flat rates);
 * - each month a member owes is one row, its amount stored with the rule that produced it, the amount due
 *   after a reduction never above it, paid by at most one ledger entry;
 * - the payments ledger is append-only (a trigger refuses UPDATE and DELETE): a correction is a reversal,
 *   a new entry pointing at the one it reverses, which is reversed at most once; a client's idempotency key
 *   is unique, so a resent payment can never become a second entry;
 * - a member's reductions never overlap (exclusion constraint, btree_gist).
 */
export class PartyDues1768000000000 implements MigrationInterface {
  name = 'PartyDues1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE dues_base (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member (id),
        year int NOT NULL CHECK (year BETWEEN 2008 AND 2100),
        from_month int NOT NULL CHECK (from_month BETWEEN 1 AND 12),
        basis text NOT NULL CHECK (basis IN ('EMPLOYED', 'RETIRED', 'STUDENT', 'LAID_OFF', 'RELIEF', 'FARMER')),
        -- After-tax monthly income or pension, or the farmer's monthly amount, in fen. Sensitive (PIPL).
        base_fen int,
        declared_by text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (member_id, year, from_month),
        CHECK (CASE
          WHEN basis IN ('EMPLOYED', 'RETIRED') THEN base_fen IS NOT NULL AND base_fen BETWEEN 0 AND 100000000
          WHEN basis = 'FARMER' THEN base_fen IS NOT NULL AND base_fen BETWEEN 20 AND 100
          ELSE base_fen IS NULL END)
      )`);
    await q.query(`
      CREATE TABLE dues_payment (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member (id),
        -- The client's key: a resend after a timeout finds its first entry instead of writing a second.
        idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('PAYMENT', 'REVERSAL')),
        amount_fen int NOT NULL,
        months date[] NOT NULL CHECK (cardinality(months) BETWEEN 1 AND 36),
        channel text NOT NULL CHECK (channel IN ('CASH', 'BANK_TRANSFER', 'WECHAT', 'ALIPAY', 'PAYROLL', 'OTHER')),
        received_on date NOT NULL,
        received_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        reverses_id uuid UNIQUE REFERENCES dues_payment (id),
        reason text,
        CHECK (CASE kind WHEN 'PAYMENT' THEN amount_fen > 0 AND reverses_id IS NULL ELSE amount_fen < 0 AND reverses_id IS NOT NULL END)
      )`);
    await q.query(`CREATE INDEX dues_payment_member_idx ON dues_payment (member_id, recorded_at)`);
    await q.query(`
      CREATE FUNCTION dues_payment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dues_payment is an append-only ledger: record a reversal instead' USING ERRCODE = 'check_violation', CONSTRAINT = 'dues_payment_append_only';
      END $$`);
    await q.query(
      `CREATE TRIGGER dues_payment_append_only BEFORE UPDATE OR DELETE ON dues_payment FOR EACH ROW EXECUTE FUNCTION dues_payment_append_only()`,
    );
    await q.query(`
      CREATE TABLE dues_reduction (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member (id),
        kind text NOT NULL CHECK (kind IN ('REDUCED', 'WAIVED')),
        -- The monthly amount while reduced; null when waived (nothing due).
        monthly_fen int,
        from_month date NOT NULL CHECK (extract(day FROM from_month) = 1),
        until_month date NOT NULL CHECK (extract(day FROM until_month) = 1 AND until_month >= from_month),
        approved_by text NOT NULL CHECK (length(approved_by) BETWEEN 1 AND 100),
        approved_on date NOT NULL,
        recorded_by text NOT NULL,
        reason text NOT NULL,
        CHECK (CASE kind WHEN 'WAIVED' THEN monthly_fen IS NULL ELSE monthly_fen IS NOT NULL AND monthly_fen >= 0 END),
        CONSTRAINT dues_reduction_no_overlap EXCLUDE USING gist (member_id WITH =, daterange(from_month, until_month, '[]') WITH &&)
      )`);
    await q.query(`
      CREATE TABLE dues_month (
        member_id uuid NOT NULL REFERENCES member (id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        base_id uuid NOT NULL REFERENCES dues_base (id),
        rule text NOT NULL,
        rate_basis_points int CHECK (rate_basis_points IN (50, 100, 150, 200)),
        amount_fen int NOT NULL CHECK (amount_fen >= 0),
        reduction_id uuid REFERENCES dues_reduction (id),
        due_fen int NOT NULL CHECK (due_fen >= 0 AND due_fen <= amount_fen),
        payment_id uuid REFERENCES dues_payment (id),
        PRIMARY KEY (member_id, month),
        CHECK (reduction_id IS NOT NULL OR due_fen = amount_fen)
      )`);
    // Arrears: unpaid months with something due, per member; summaries: one month across members.
    await q.query(`CREATE INDEX dues_month_unpaid_idx ON dues_month (member_id, month) WHERE payment_id IS NULL AND due_fen > 0`);
    await q.query(`CREATE INDEX dues_month_month_idx ON dues_month (month, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dues_month`);
    await q.query(`DROP TABLE dues_reduction`);
    await q.query(`DROP TABLE dues_payment`);
    await q.query(`DROP FUNCTION dues_payment_append_only() CASCADE`);
    await q.query(`DROP TABLE dues_base`);
  }
}
