import { EntitySchema } from 'typeorm';

export type ResidentUnitCategory =
  'GOVERNMENT_AGENCY' | 'PUBLIC_INSTITUTION' | 'STATE_ENTERPRISE' | 'NON_PUBLIC_ENTERPRISE' | 'SOCIAL_ORGANIZATION';

export interface ResidentUnit {
  id: string;
  communityId: string;
  name: string;
  category: ResidentUnitCategory;
  organizationId: string | null;
}

export const ResidentUnitEntity = new EntitySchema<ResidentUnit>({
  name: 'resident_unit',
  columns: {
    id: { type: 'uuid', primary: true },
    communityId: { type: 'uuid', name: 'community_id' },
    name: { type: 'text' },
    category: { type: 'text' },
    organizationId: { type: 'uuid', name: 'organization_id', nullable: true },
  },
});
