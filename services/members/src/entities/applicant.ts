import { EntitySchema } from 'typeorm';
import { personColumns, type PersonRecord } from './person';

export type ApplicantStage = 'APPLICANT' | 'ACTIVIST' | 'CANDIDATE';

/**
 * Someone on the way to membership: 入党申请人 → 入党积极分子 → 发展对象, then admitted. `organizationId`
 * is the organisation that received the application and trains the applicant.
 */
export interface Applicant extends PersonRecord {
  idNumber: string;
  stage: ApplicantStage;
  appliedOn: string;
  activistOn: string | null;
  candidateOn: string | null;
  admittedMemberId: string | null;
}

export const ApplicantEntity = new EntitySchema<Applicant>({
  name: 'applicant',
  columns: {
    ...personColumns,
    idNumber: { type: 'text', name: 'id_number' },
    stage: { type: 'text' },
    appliedOn: { type: 'date', name: 'applied_on' },
    activistOn: { type: 'date', name: 'activist_on', nullable: true },
    candidateOn: { type: 'date', name: 'candidate_on', nullable: true },
    admittedMemberId: { type: 'uuid', name: 'admitted_member_id', nullable: true },
  },
});
