import { EntitySchema } from 'typeorm';

export type OrganizationKind = 'WORKING_COMMITTEE' | 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'PARTY_GROUP';
export type OrganizationScope =
  'STREET' | 'COMMUNITY' | 'RESIDENT_UNIT' | 'NON_PUBLIC_ENTERPRISE' | 'SOCIAL_ORGANIZATION' | 'JOINT' | 'MIGRANT' | 'LAID_OFF';

/** Organisations not dissolved: a closing one still leads its community or street until the dissolve ends. */
export const LIVING: Organization['status'][] = ['ACTIVE', 'CLOSING'];

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  scope: OrganizationScope;
  /** CLOSING: being dissolved (docs/decisions/0010); it receives no members, children or positions. */
  status: 'ACTIVE' | 'CLOSING' | 'DISSOLVED';
  parentId: string | null;
  /** Materialised path '/root/.../self/'. */
  path: string;
  streetId: string | null;
  communityId: string | null;
  residentUnitId: string | null;
  communityRoot: boolean;
  establishedOn: string;
}

export const OrganizationEntity = new EntitySchema<Organization>({
  name: 'organization',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    kind: { type: 'text' },
    scope: { type: 'text' },
    status: { type: 'text' },
    parentId: { type: 'uuid', name: 'parent_id', nullable: true },
    path: { type: 'text' },
    streetId: { type: 'uuid', name: 'street_id', nullable: true },
    communityId: { type: 'uuid', name: 'community_id', nullable: true },
    residentUnitId: { type: 'uuid', name: 'resident_unit_id', nullable: true },
    communityRoot: { type: 'boolean', name: 'community_root' },
    establishedOn: { type: 'date', name: 'established_on' },
  },
});
