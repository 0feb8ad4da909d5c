import { ConflictError, msg } from '@cpb/kit';
import type { TransferStatus } from '../entities';

/**
 * 组织关系转接: requested → approved or rejected; approved → completed, or expired when its introduction
 * letter lapses (transfer-letters.ts). Open ones block a second request.
 */
export const OPEN_TRANSFER_STATUSES: TransferStatus[] = ['REQUESTED', 'APPROVED'];

const next: Record<TransferStatus, TransferStatus[]> = {
  REQUESTED: ['APPROVED', 'REJECTED'],
  APPROVED: ['COMPLETED', 'EXPIRED'],
  REJECTED: [],
  COMPLETED: [],
  EXPIRED: [],
};

/** Each status's refusal says what would move the transfer on instead. */
const refusals = {
  REQUESTED: 'transfer.requestedCannotBecome',
  APPROVED: 'transfer.approvedCannotBecome',
  REJECTED: 'transfer.rejectedCannotBecome',
  COMPLETED: 'transfer.completedCannotBecome',
  EXPIRED: 'transfer.expiredCannotBecome',
} as const satisfies Record<TransferStatus, string>;

/** Refuses a step the transfer's current status does not allow, saying what would. */
export function checkTransition(transfer: { status: TransferStatus }, to: TransferStatus): void {
  if (!next[transfer.status].includes(to)) {
    throw new ConflictError(msg(refusals[transfer.status], { to }));
  }
}
