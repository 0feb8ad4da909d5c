import { today, useCase } from '@cpb/kit';
import { transferEvents } from '../events';
import { checkActionDate } from './membership-rules';
import type { Services } from './services';
import { checkReceipt } from './transfer-letters';
import { decidedTransfer, lockTransferAndMember } from './transfers';

/**
 * The receipt (回执) of the introduction letter returns to the sending organisation once the member has
 * reported in: recorded once, by the sending side, on a day from the completion to today.
 */
export const recordTransferReceipt = useCase({
  async authorize(services: Services, args: { id: string; returnedOn?: string | null }) {
    return {
      known: await decidedTransfer(services, 'recordTransferReceipt', args.id),
      returnedOn: checkActionDate('returnedOn', args.returnedOn ?? today(), today()),
    };
  },
  async change({ tx, outbox }, { known, returnedOn }) {
    const { transfer, store } = await lockTransferAndMember(tx, known);
    checkReceipt(transfer, returnedOn);
    await store.setTransferStatus(transfer.id, transfer.status, { receiptReturnedOn: returnedOn });
    await outbox.emit(transferEvents.receiptRecorded(transfer, returnedOn));
    return { ...transfer, receiptReturnedOn: returnedOn };
  },
});
