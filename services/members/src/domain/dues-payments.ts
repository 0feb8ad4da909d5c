import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, translateConstraint, useCase, ValidationError } from '@cpb/kit';
import { DuesStore } from '../data/dues-store';
import type { DuesChannel, DuesPayment } from '../entities';
import { duesEvents } from '../events';
import { lockMember, recordedBy } from './dues-bases';
import { checkPastDay, checkPeriod, checkPositiveFen } from './dues-input';
import { yuan } from './dues-rates';
import type { Services } from './services';

export interface PaymentInput {
  memberId: string;
  idempotencyKey: string;
  months: string[];
  amountFen: number;
  channel: DuesChannel;
  receivedOn?: string | null;
}

const keyTaken = { dues_payment_idempotency_key_key: () => new ConflictError(msg('dues.keyReused')) };
const sameRequest = (p: DuesPayment, memberId: string, months: string[], amountFen: number) =>
  p.memberId === memberId && p.amountFen === amountFen && [...p.months].sort().join() === [...months].sort().join();

/**
 * Records a payment of dues (交纳党费) for the months it claims, paying ahead allowed: refused unless the
 * amount is what those months are due (the message gives each month's amount). Idempotent by the client's
 * key, in our own table (a unique column, not the kit's generic Idempotency-Key, so it holds regardless): a
 * resend finds the first entry under the member's row lock and gets it back, with no second entry and no
 * second event; a key reused for another member or amount is refused (CONFLICT).
 */
export const recordDuesPayment = useCase({
  async authorize({ policy, loaders, actor }: Services, { input }: { input: PaymentInput }) {
    const member = await loadExisting(loaders.member, 'Member', input.memberId, 'memberId');
    await policy.permit('recordDuesPayment', { organizationId: member.organizationId });
    const months = input.months.map((m) => checkPeriod('months', m));
    if (months.length < 1 || months.length > 36 || new Set(months).size !== months.length)
      throw new ValidationError('months', msg('dues.monthsCount', { field: 'months' }));
    return {
      memberId: member.id,
      organizationId: member.organizationId,
      idempotencyKey: check.name('idempotencyKey', input.idempotencyKey, 100),
      months: months.sort(),
      amountFen: checkPositiveFen('amountFen', input.amountFen),
      channel: input.channel,
      receivedOn: checkPastDay('receivedOn', input.receivedOn),
      receivedBy: recordedBy(actor),
    };
  },
  async change({ tx, outbox }, p) {
    await lockMember(tx, p.memberId);
    const store = new DuesStore(tx);
    const earlier = await store.paymentByKey(p.idempotencyKey);
    if (earlier) {
      if (!sameRequest(earlier, p.memberId, p.months, p.amountFen)) throw new ConflictError(msg('dues.keyReused'));
      return earlier;
    }
    const owed = await store.lockMonths(p.memberId, p.months);
    const missing = p.months.find((m) => !owed.some((o) => o.month === m));
    if (missing) throw new ValidationError('months', msg('dues.monthNotDeclared', { month: missing.slice(0, 7) }));
    const paid = owed.find((o) => o.paymentId);
    if (paid) throw new ConflictError(msg('dues.monthPaid', { month: paid.month.slice(0, 7) }));
    const total = owed.reduce((sum, o) => sum + o.dueFen, 0);
    if (total !== p.amountFen) {
      const items = owed.map((o) => `${o.month.slice(0, 7)}: ${yuan(o.dueFen)}`).join(', ');
      throw new ValidationError('amountFen', msg('dues.amountMismatch', { items, total: yuan(total), amount: yuan(p.amountFen) }));
    }
    const entry = await store
      .appendEntry({
        id: randomUUID(),
        memberId: p.memberId,
        idempotencyKey: p.idempotencyKey,
        kind: 'PAYMENT',
        amountFen: p.amountFen,
        months: p.months,
        channel: p.channel,
        receivedOn: p.receivedOn,
        receivedBy: p.receivedBy,
        reversesId: null,
        reason: null,
      })
      .catch((error: unknown) => translateConstraint(error, keyTaken));
    await store.settle(p.memberId, p.months, entry.id);
    await outbox.emit(duesEvents.paid(entry, p.organizationId));
    return entry;
  },
});

/**
 * Reverses a payment (冲正): a new ledger entry of the opposite amount pointing at it; its months are unpaid
 * again. The ledger is never edited. Reversing twice gives back the one reversal.
 */
export const reverseDuesPayment = useCase({
  async authorize({ policy, loaders, actor, dues }: Services, args: { paymentId: string; reason: string }) {
    const paymentId = check.uuid('paymentId', args.paymentId);
    const payment = await dues.payment.load(paymentId);
    if (!payment) throw new NotFoundError('DuesPayment', paymentId, 'paymentId');
    const member = await loadExisting(loaders.member, 'Member', payment.memberId, 'paymentId');
    await policy.permit('reverseDuesPayment', { organizationId: member.organizationId });
    if (payment.kind !== 'PAYMENT') throw new ConflictError(msg('dues.notAPayment'));
    return { payment, organizationId: member.organizationId, reason: check.freeText('reason', args.reason, 500), by: recordedBy(actor) };
  },
  async change({ tx, outbox }, { payment, organizationId, reason, by }) {
    await lockMember(tx, payment.memberId);
    const store = new DuesStore(tx);
    const earlier = await store.reversalOf(payment.id);
    if (earlier) return earlier;
    const reversal = await store.appendEntry({
      id: randomUUID(),
      memberId: payment.memberId,
      idempotencyKey: `reversal:${payment.id}`,
      kind: 'REVERSAL',
      amountFen: -payment.amountFen,
      months: payment.months,
      channel: payment.channel,
      receivedOn: checkPastDay('receivedOn', null),
      receivedBy: by,
      reversesId: payment.id,
      reason,
    });
    await store.settle(payment.memberId, payment.months, null);
    await outbox.emit(duesEvents.reversed(reversal, organizationId));
    return reversal;
  },
});
