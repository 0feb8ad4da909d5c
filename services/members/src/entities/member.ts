import { EntitySchema } from 'typeorm';
import { personColumns, type PersonRecord } from './person';

export type MemberStatus = 'PROBATIONARY' | 'FULL';

/** A Party member (党员); `organizationId` is the one organisation holding the relationship (组织关系). */
export interface Member extends PersonRecord {
  idNumber: string | null;
  joinedOn: string;
  status: MemberStatus;
  probationEndsOn: string | null;
  /** When probation ended in conversion to full membership (转正); Party standing counts from it. */
  convertedOn: string | null;
  /** The applicant record the member was admitted from, when admitted in this system. */
  applicantId: string | null;
  skills: string[];
  responsibilityArea: string | null;
  homeAddress: string | null;
}

export const MemberEntity = new EntitySchema<Member>({
  name: 'member',
  columns: {
    ...personColumns,
    idNumber: { type: 'text', name: 'id_number', nullable: true },
    joinedOn: { type: 'date', name: 'joined_on' },
    status: { type: 'text' },
    probationEndsOn: { type: 'date', name: 'probation_ends_on', nullable: true },
    convertedOn: { type: 'date', name: 'converted_on', nullable: true },
    applicantId: { type: 'uuid', name: 'applicant_id', nullable: true },
    skills: { type: 'text', array: true },
    responsibilityArea: { type: 'text', name: 'responsibility_area', nullable: true },
    homeAddress: { type: 'text', name: 'home_address', nullable: true },
  },
});
