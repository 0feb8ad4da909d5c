import type { EntityManager } from 'typeorm';
import { insertRows } from '@cpb/kit';
import { duesBaseId, duesPaymentId, duesPlanOf, DUES_HISTORY_MONTHS, type MemberRecord } from '@cpb/demo-world';
import { monthIndex, periodOfDay } from './domain/dues-months';
import { scheduleYear } from './domain/dues-schedule';
import type { DuesBase, DuesMonth } from './entities';

/** Who the ledger says recorded the demo's entries (the seed, not a person). */
const SEEDER = 'SERVICE:demo-world';

interface DuesRows {
  bases: unknown[][];
  months: unknown[][];
  payments: unknown[][];
}

/**
 * Member m's year of dues from the demo plan: the bases (last year's from the first month of the history,
 * this year's from January), the months computed by the same schedule the use cases write, and the
 * payments of the months paid (each a ledger entry of exactly their amounts).
 */
function duesRowsOf(m: number, member: MemberRecord, thisMonth: string, today: string, rows: DuesRows): void {
  const plan = duesPlanOf(m, member);
  if (!plan) return;
  const current = monthIndex(thisMonth);
  const start = current - (DUES_HISTORY_MONTHS - 1);
  const months: DuesMonth[] = [];
  for (let year = Math.floor(start / 12); year <= Math.floor(current / 12); year++) {
    const fromMonth = year === Math.floor(start / 12) ? (start % 12) + 1 : 1;
    const base: DuesBase = {
      id: duesBaseId(m, year === Math.floor(current / 12) ? 1 : 0),
      memberId: member.id,
      year,
      fromMonth,
      basis: plan.basis,
      baseFen: plan.baseFen,
      declaredBy: SEEDER,
      declaredAt: new Date(),
    };
    const schedule = scheduleYear(member.id, year, member.joinedOn, [base], []);
    if (schedule.length === 0) continue;
    rows.bases.push([base.id, base.memberId, base.year, base.fromMonth, base.basis, base.baseFen, base.declaredBy]);
    months.push(...schedule);
  }
  const paidUntil = plan.paidThisMonth ? current : current - plan.monthsOwing - 1;
  const paid = months.filter((month) => monthIndex(month.month.slice(0, 7)) <= paidUntil && month.dueFen > 0);
  for (let k = 0; k * plan.monthsPerPayment < paid.length; k++) {
    const group = paid.slice(k * plan.monthsPerPayment, (k + 1) * plan.monthsPerPayment);
    const id = duesPaymentId(m, k);
    const last = group[group.length - 1].month.slice(0, 7);
    const receivedOn = `${last}-10` < today ? `${last}-10` : today;
    const amountFen = group.reduce((sum, month) => sum + month.dueFen, 0);
    rows.payments.push([
      id,
      member.id,
      `demo:${id}`,
      'PAYMENT',
      amountFen,
      group.map((month) => month.month),
      plan.channel,
      receivedOn,
      SEEDER,
    ]);
    for (const month of group) month.paymentId = id;
  }
  rows.months.push(...months.map((x) => [x.memberId, x.month, x.baseId, x.rule, x.rateBasisPoints, x.amountFen, x.dueFen, x.paymentId]));
}

/** Writes the dues of a chunk of members (the chunk starting at member `first`), as of `today` in the district; returns how many payments. */
export async function insertDues(tx: EntityManager, first: number, members: MemberRecord[], today: string): Promise<number> {
  const rows: DuesRows = { bases: [], months: [], payments: [] };
  const thisMonth = periodOfDay(today);
  members.forEach((member, i) => duesRowsOf(first + i, member, thisMonth, today, rows));
  await insertRows(tx, 'dues_base', ['id', 'member_id', 'year', 'from_month', 'basis', 'base_fen', 'declared_by'], rows.bases);
  await insertRows(
    tx,
    'dues_payment',
    ['id', 'member_id', 'idempotency_key', 'kind', 'amount_fen', 'months', 'channel', 'received_on', 'received_by'],
    rows.payments,
  );
  await insertRows(
    tx,
    'dues_month',
    ['member_id', 'month', 'base_id', 'rule', 'rate_basis_points', 'amount_fen', 'due_fen', 'payment_id'],
    rows.months,
  );
  return rows.payments.length;
}
