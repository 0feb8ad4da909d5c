import { EntitySchema } from 'typeorm';

export type TransferStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'COMPLETED' | 'EXPIRED';

/** Where the introduction letter (介绍信) sends the member: it decides the letter's validity. */
export type LetterReach = 'WITHIN_CITY' | 'OUTSIDE_CITY';

/** A transfer of a member's relationship (组织关系转接) from one organisation to another. */
export interface Transfer {
  id: string;
  memberId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  reason: string;
  status: TransferStatus;
  requestedOn: string;
  decidedOn: string | null;
  completedOn: string | null;
  rejectionReason: string | null;
  /** The introduction letter, issued when the sending side approves. */
  letterReach: LetterReach | null;
  letterIssuedOn: string | null;
  /** The last day the member may report in with it; an approved transfer still open after it expires. */
  letterValidUntil: string | null;
  expiredOn: string | null;
  /** When the receipt (回执) came back to the sending organisation. */
  receiptReturnedOn: string | null;
}

export const TransferEntity = new EntitySchema<Transfer>({
  name: 'transfer',
  columns: {
    id: { type: 'uuid', primary: true },
    memberId: { type: 'uuid', name: 'member_id' },
    fromOrganizationId: { type: 'uuid', name: 'from_organization_id' },
    toOrganizationId: { type: 'uuid', name: 'to_organization_id' },
    reason: { type: 'text' },
    status: { type: 'text' },
    requestedOn: { type: 'date', name: 'requested_on' },
    decidedOn: { type: 'date', name: 'decided_on', nullable: true },
    completedOn: { type: 'date', name: 'completed_on', nullable: true },
    rejectionReason: { type: 'text', name: 'rejection_reason', nullable: true },
    letterReach: { type: 'text', name: 'letter_reach', nullable: true },
    letterIssuedOn: { type: 'date', name: 'letter_issued_on', nullable: true },
    letterValidUntil: { type: 'date', name: 'letter_valid_until', nullable: true },
    expiredOn: { type: 'date', name: 'expired_on', nullable: true },
    receiptReturnedOn: { type: 'date', name: 'receipt_returned_on', nullable: true },
  },
});
