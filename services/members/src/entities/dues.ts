import { EntitySchema } from 'typeorm';
import type { DuesBasis, DuesRule } from '../domain/dues-rates';

/** A member's declared dues base (党费基数) for a year, from a month on (it may change mid-year). */
export interface DuesBase {
  id: string;
  memberId: string;
  year: number;
  fromMonth: number;
  basis: DuesBasis;
  /** After-tax monthly income or pension, or the farmer's amount, in fen; sensitive personal information (PIPL). */
  baseFen: number | null;
  declaredBy: string;
  declaredAt: Date;
}

export type DuesChannel = 'CASH' | 'BANK_TRANSFER' | 'WECHAT' | 'ALIPAY' | 'PAYROLL' | 'OTHER';

/** An entry of the append-only payments ledger: a payment, or the reversal of one (negative amount). */
export interface DuesPayment {
  id: string;
  memberId: string;
  idempotencyKey: string;
  kind: 'PAYMENT' | 'REVERSAL';
  amountFen: number;
  /** The months covered, `YYYY-MM-01`. */
  months: string[];
  channel: DuesChannel;
  receivedOn: string;
  receivedBy: string;
  recordedAt: Date;
  reversesId: string | null;
  reason: string | null;
}

/** A branch's reduction or waiver of a member's dues for hardship, with who approved it and until when. */
export interface DuesReduction {
  id: string;
  memberId: string;
  kind: 'REDUCED' | 'WAIVED';
  monthlyFen: number | null;
  fromMonth: string;
  untilMonth: string;
  approvedBy: string;
  approvedOn: string;
  recordedBy: string;
  reason: string;
}

/** One month a member owes: the amount computed from the base, the rule that produced it, what is due after a reduction. */
export interface DuesMonth {
  memberId: string;
  month: string;
  baseId: string;
  rule: DuesRule;
  rateBasisPoints: number | null;
  amountFen: number;
  reductionId: string | null;
  dueFen: number;
  paymentId: string | null;
}

export const DuesBaseEntity = new EntitySchema<DuesBase>({
  name: 'dues_base',
  columns: {
    id: { type: 'uuid', primary: true },
    memberId: { type: 'uuid', name: 'member_id' },
    year: { type: 'int' },
    fromMonth: { type: 'int', name: 'from_month' },
    basis: { type: 'text' },
    baseFen: { type: 'int', name: 'base_fen', nullable: true },
    declaredBy: { type: 'text', name: 'declared_by' },
    declaredAt: { type: 'timestamptz', name: 'declared_at', createDate: true },
  },
});

export const DuesPaymentEntity = new EntitySchema<DuesPayment>({
  name: 'dues_payment',
  columns: {
    id: { type: 'uuid', primary: true },
    memberId: { type: 'uuid', name: 'member_id' },
    idempotencyKey: { type: 'text', name: 'idempotency_key' },
    kind: { type: 'text' },
    amountFen: { type: 'int', name: 'amount_fen' },
    months: { type: 'date', array: true },
    channel: { type: 'text' },
    receivedOn: { type: 'date', name: 'received_on' },
    receivedBy: { type: 'text', name: 'received_by' },
    recordedAt: { type: 'timestamptz', name: 'recorded_at', createDate: true },
    reversesId: { type: 'uuid', name: 'reverses_id', nullable: true },
    reason: { type: 'text', nullable: true },
  },
});

export const DuesReductionEntity = new EntitySchema<DuesReduction>({
  name: 'dues_reduction',
  columns: {
    id: { type: 'uuid', primary: true },
    memberId: { type: 'uuid', name: 'member_id' },
    kind: { type: 'text' },
    monthlyFen: { type: 'int', name: 'monthly_fen', nullable: true },
    fromMonth: { type: 'date', name: 'from_month' },
    untilMonth: { type: 'date', name: 'until_month' },
    approvedBy: { type: 'text', name: 'approved_by' },
    approvedOn: { type: 'date', name: 'approved_on' },
    recordedBy: { type: 'text', name: 'recorded_by' },
    reason: { type: 'text' },
  },
});

export const DuesMonthEntity = new EntitySchema<DuesMonth>({
  name: 'dues_month',
  columns: {
    memberId: { type: 'uuid', name: 'member_id', primary: true },
    month: { type: 'date', primary: true },
    baseId: { type: 'uuid', name: 'base_id' },
    rule: { type: 'text' },
    rateBasisPoints: { type: 'int', name: 'rate_basis_points', nullable: true },
    amountFen: { type: 'int', name: 'amount_fen' },
    reductionId: { type: 'uuid', name: 'reduction_id', nullable: true },
    dueFen: { type: 'int', name: 'due_fen' },
    paymentId: { type: 'uuid', name: 'payment_id', nullable: true },
  },
});
