import type { EntityManager } from 'typeorm';
import type { DuesBase, DuesMonth, DuesPayment, DuesReduction } from '../entities';

/** Columns as records: dates as `YYYY-MM-DD`, months of the ledger as `YYYY-MM-01`. */
export const BASE = `id, member_id AS "memberId", year, from_month AS "fromMonth", basis, base_fen AS "baseFen", declared_by AS "declaredBy", declared_at AS "declaredAt"`;
export const PAYMENT = `id, member_id AS "memberId", idempotency_key AS "idempotencyKey", kind, amount_fen AS "amountFen", months::text[] AS months, channel,
  received_on::text AS "receivedOn", received_by AS "receivedBy", recorded_at AS "recordedAt", reverses_id AS "reversesId", reason`;
export const REDUCTION = `id, member_id AS "memberId", kind, monthly_fen AS "monthlyFen", from_month::text AS "fromMonth", until_month::text AS "untilMonth",
  approved_by AS "approvedBy", approved_on::text AS "approvedOn", recorded_by AS "recordedBy", reason`;
export const MONTH = `member_id AS "memberId", month::text AS month, base_id AS "baseId", rule, rate_basis_points AS "rateBasisPoints", amount_fen AS "amountFen",
  reduction_id AS "reductionId", due_fen AS "dueFen", payment_id AS "paymentId"`;

/** Dues writes inside a use case's transaction; the caller holds the member's row lock. */
export class DuesStore {
  constructor(private readonly tx: EntityManager) {}

  /** A base for the same member, year and first month replaces the earlier declaration (a correction). */
  async upsertBase(base: Omit<DuesBase, 'declaredAt'>): Promise<DuesBase> {
    const [row] = await this.tx.query(
      `INSERT INTO dues_base (id, member_id, year, from_month, basis, base_fen, declared_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (member_id, year, from_month) DO UPDATE SET basis = EXCLUDED.basis, base_fen = EXCLUDED.base_fen, declared_by = EXCLUDED.declared_by, declared_at = now()
       RETURNING ${BASE}`,
      [base.id, base.memberId, base.year, base.fromMonth, base.basis, base.baseFen, base.declaredBy],
    );
    return row;
  }

  basesOf(memberId: string, year: number): Promise<DuesBase[]> {
    return this.tx.query(`SELECT ${BASE} FROM dues_base WHERE member_id = $1 AND year = $2 ORDER BY from_month`, [memberId, year]);
  }

  reductionsOf(memberId: string, from: string, until: string): Promise<DuesReduction[]> {
    return this.tx.query(`SELECT ${REDUCTION} FROM dues_reduction WHERE member_id = $1 AND until_month >= $2 AND from_month <= $3`, [
      memberId,
      from,
      until,
    ]);
  }

  /** Writes the computed months; a paid month keeps the amount it was paid at. */
  async writeMonths(months: DuesMonth[]): Promise<void> {
    if (months.length === 0) return;
    const column = <K extends keyof DuesMonth>(key: K) => months.map((m) => m[key]);
    await this.tx.query(
      `INSERT INTO dues_month (member_id, month, base_id, rule, rate_basis_points, amount_fen, reduction_id, due_fen)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::uuid[], $8::int[])
       ON CONFLICT (member_id, month) DO UPDATE SET base_id = EXCLUDED.base_id, rule = EXCLUDED.rule, rate_basis_points = EXCLUDED.rate_basis_points,
         amount_fen = EXCLUDED.amount_fen, reduction_id = EXCLUDED.reduction_id, due_fen = EXCLUDED.due_fen
       WHERE dues_month.payment_id IS NULL`,
      [
        column('memberId'),
        column('month'),
        column('baseId'),
        column('rule'),
        column('rateBasisPoints'),
        column('amountFen'),
        column('reductionId'),
        column('dueFen'),
      ],
    );
  }

  /** The months a payment claims, locked, in order. */
  lockMonths(memberId: string, months: string[]): Promise<DuesMonth[]> {
    return this.tx.query(`SELECT ${MONTH} FROM dues_month WHERE member_id = $1 AND month = ANY($2::date[]) ORDER BY month FOR UPDATE`, [
      memberId,
      months,
    ]);
  }

  async paymentByKey(key: string): Promise<DuesPayment | null> {
    const [row] = await this.tx.query(`SELECT ${PAYMENT} FROM dues_payment WHERE idempotency_key = $1`, [key]);
    return row ?? null;
  }

  async payment(id: string): Promise<DuesPayment | null> {
    const [row] = await this.tx.query(`SELECT ${PAYMENT} FROM dues_payment WHERE id = $1`, [id]);
    return row ?? null;
  }

  async reversalOf(paymentId: string): Promise<DuesPayment | null> {
    const [row] = await this.tx.query(`SELECT ${PAYMENT} FROM dues_payment WHERE reverses_id = $1`, [paymentId]);
    return row ?? null;
  }

  async appendEntry(entry: Omit<DuesPayment, 'recordedAt'>): Promise<DuesPayment> {
    const [row] = await this.tx.query(
      `INSERT INTO dues_payment (id, member_id, idempotency_key, kind, amount_fen, months, channel, received_on, received_by, reverses_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6::date[], $7, $8, $9, $10, $11) RETURNING ${PAYMENT}`,
      [
        entry.id,
        entry.memberId,
        entry.idempotencyKey,
        entry.kind,
        entry.amountFen,
        entry.months,
        entry.channel,
        entry.receivedOn,
        entry.receivedBy,
        entry.reversesId,
        entry.reason,
      ],
    );
    return row;
  }

  /** Marks the months as paid by `paymentId`, or (null) unpaid again after its reversal. */
  async settle(memberId: string, months: string[], paymentId: string | null): Promise<void> {
    await this.tx.query(`UPDATE dues_month SET payment_id = $3 WHERE member_id = $1 AND month = ANY($2::date[])`, [
      memberId,
      months,
      paymentId,
    ]);
  }

  async insertReduction(r: DuesReduction): Promise<void> {
    await this.tx.query(
      `INSERT INTO dues_reduction (id, member_id, kind, monthly_fen, from_month, until_month, approved_by, approved_on, recorded_by, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [r.id, r.memberId, r.kind, r.monthlyFen, r.fromMonth, r.untilMonth, r.approvedBy, r.approvedOn, r.recordedBy, r.reason],
    );
  }
}
