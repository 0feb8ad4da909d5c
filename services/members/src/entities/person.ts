import type { EntitySchemaColumnOptions } from 'typeorm';

export type MemberCategory = 'EMPLOYED' | 'RETIRED' | 'UNEMPLOYED' | 'MIGRANT' | 'STUDENT' | 'OTHER';

/** What members and applicants both record about a person, and the organisation they belong to. */
export interface PersonRecord {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  ethnicity: string;
  education: string | null;
  phone: string | null;
  category: MemberCategory;
  organizationId: string;
  workUnitId: string | null;
  residenceCommunityId: string | null;
}

export const personColumns: Record<keyof PersonRecord, EntitySchemaColumnOptions> = {
  id: { type: 'uuid', primary: true },
  name: { type: 'text' },
  gender: { type: 'text' },
  birthDate: { type: 'date', name: 'birth_date' },
  ethnicity: { type: 'text' },
  education: { type: 'text', nullable: true },
  phone: { type: 'text', nullable: true },
  category: { type: 'text' },
  organizationId: { type: 'uuid', name: 'organization_id' },
  workUnitId: { type: 'uuid', name: 'work_unit_id', nullable: true },
  residenceCommunityId: { type: 'uuid', name: 'residence_community_id', nullable: true },
};
