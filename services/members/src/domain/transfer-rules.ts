import { ConflictError } from '@cpb/kit';
import type { TransferStatus } from '../entities';

/** 组织关系转接: requested → approved or rejected; approved → completed. Open ones block a second request. */
export const OPEN_TRANSFER_STATUSES: TransferStatus[] = ['REQUESTED', 'APPROVED'];

const next: Record<TransferStatus, TransferStatus[]> = {
  REQUESTED: ['APPROVED', 'REJECTED'],
  APPROVED: ['COMPLETED'],
  REJECTED: [],
  COMPLETED: [],
};

const hints: Partial<Record<TransferStatus, string>> = {
  REQUESTED: 'approve it first',
  APPROVED: 'it can only be completed now',
  REJECTED: 'request a new transfer',
  COMPLETED: 'the member has already moved',
};

/** Refuses a step the transfer's current status does not allow, saying what would. */
export function checkTransition(transfer: { status: TransferStatus }, to: TransferStatus): void {
  if (!next[transfer.status].includes(to)) {
    throw new ConflictError(`The transfer is ${transfer.status.toLowerCase()}: it cannot become ${to.toLowerCase()} (${hints[transfer.status]})`);
  }
}
