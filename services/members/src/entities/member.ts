import { EntitySchema } from 'typeorm';

export type MemberStatus = 'PROBATIONARY' | 'FULL';

export interface Member {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  ethnicity: string;
  education: string | null;
  phone: string | null;
  idNumber: string | null;
  joinedOn: string;
  status: MemberStatus;
  probationEndsOn: string | null;
  category: string;
  organizationId: string;
  workUnitId: string | null;
  residenceCommunityId: string | null;
  skills: string[];
  responsibilityArea: string | null;
}

export const MemberEntity = new EntitySchema<Member>({
  name: 'member',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    gender: { type: 'text' },
    birthDate: { type: 'date', name: 'birth_date' },
    ethnicity: { type: 'text' },
    education: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    idNumber: { type: 'text', name: 'id_number', nullable: true },
    joinedOn: { type: 'date', name: 'joined_on' },
    status: { type: 'text' },
    probationEndsOn: { type: 'date', name: 'probation_ends_on', nullable: true },
    category: { type: 'text' },
    organizationId: { type: 'uuid', name: 'organization_id' },
    workUnitId: { type: 'uuid', name: 'work_unit_id', nullable: true },
    residenceCommunityId: { type: 'uuid', name: 'residence_community_id', nullable: true },
    skills: { type: 'text', array: true },
    responsibilityArea: { type: 'text', name: 'responsibility_area', nullable: true },
  },
});
