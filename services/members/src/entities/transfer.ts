import { EntitySchema } from 'typeorm';

export type TransferStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'COMPLETED';

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
  },
});
