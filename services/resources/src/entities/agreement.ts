import { EntitySchema } from 'typeorm';

/** RENEWED: continued by a renewal while in force (still in force until its validTo; the renewal is the pair's ACTIVE one). */
export type AgreementStatus = 'ACTIVE' | 'EXPIRED' | 'TERMINATED' | 'RENEWED';
/** Why an agreement ended early, as a category: what events carry instead of the reason text (GraphQL AgreementTerminationReason). */
export const AGREEMENT_TERMINATION_REASONS = [
  'UNIT_RELOCATED',
  'UNIT_CLOSED',
  'ORGANIZATION_RESTRUCTURED',
  'COMMITMENTS_NOT_MET',
  'MUTUAL_CONSENT',
  'SUPERSEDED',
  'OTHER',
] as const;
export type AgreementTerminationReason = (typeof AGREEMENT_TERMINATION_REASONS)[number];
export type CommitmentSide = 'COMMUNITY' | 'UNIT';
export type CommitmentStatus = 'PENDING' | 'IN_PROGRESS' | 'DONE';

export interface Agreement {
  id: string;
  communityId: string;
  communityOrganizationId: string;
  partnerUnitId: string;
  partnerOrganizationId: string | null;
  title: string;
  signedOn: string;
  validFrom: string;
  validTo: string;
  /** As stored: an ACTIVE row past its validTo reads as EXPIRED (see domain/agreement-rules). */
  status: AgreementStatus;
  communityLiaisonId: string;
  unitLiaisonId: string;
  terminatedOn: string | null;
  terminationReason: string | null;
  terminationReasonCode: AgreementTerminationReason | null;
  /** The agreement this one renews (continues), if it is a renewal. */
  renewsId: string | null;
}

export interface Commitment {
  id: string;
  agreementId: string;
  side: CommitmentSide;
  /** Order within the agreement (the template's order first). */
  position: number;
  item: string;
  dueBy: string;
  status: CommitmentStatus;
  completedOn: string | null;
}

export interface CommitmentNote {
  id: string;
  commitmentId: string;
  status: Exclude<CommitmentStatus, 'PENDING'>;
  note: string;
  recordedOn: string;
}

export const AgreementEntity = new EntitySchema<Agreement>({
  name: 'agreement',
  columns: {
    id: { type: 'uuid', primary: true },
    communityId: { type: 'uuid', name: 'community_id' },
    communityOrganizationId: { type: 'uuid', name: 'community_organization_id' },
    partnerUnitId: { type: 'uuid', name: 'partner_unit_id' },
    partnerOrganizationId: { type: 'uuid', name: 'partner_organization_id', nullable: true },
    title: { type: 'text' },
    signedOn: { type: 'date', name: 'signed_on' },
    validFrom: { type: 'date', name: 'valid_from' },
    validTo: { type: 'date', name: 'valid_to' },
    status: { type: 'text' },
    communityLiaisonId: { type: 'uuid', name: 'community_liaison_id' },
    unitLiaisonId: { type: 'uuid', name: 'unit_liaison_id' },
    terminatedOn: { type: 'date', name: 'terminated_on', nullable: true },
    terminationReason: { type: 'text', name: 'termination_reason', nullable: true },
    terminationReasonCode: { type: 'text', name: 'termination_reason_code', nullable: true },
    renewsId: { type: 'uuid', name: 'renews_id', nullable: true },
  },
});

export const CommitmentEntity = new EntitySchema<Commitment>({
  name: 'commitment',
  columns: {
    id: { type: 'uuid', primary: true },
    agreementId: { type: 'uuid', name: 'agreement_id' },
    side: { type: 'text' },
    position: { type: 'int' },
    item: { type: 'text' },
    dueBy: { type: 'date', name: 'due_by' },
    status: { type: 'text' },
    completedOn: { type: 'date', name: 'completed_on', nullable: true },
  },
});

export const CommitmentNoteEntity = new EntitySchema<CommitmentNote>({
  name: 'commitment_note',
  columns: {
    id: { type: 'uuid', primary: true },
    commitmentId: { type: 'uuid', name: 'commitment_id' },
    status: { type: 'text' },
    note: { type: 'text' },
    recordedOn: { type: 'date', name: 'recorded_on' },
  },
});
