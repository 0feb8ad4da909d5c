import { EntitySchema } from 'typeorm';

export interface Resource {
  id: string;
  providerId: string;
  communityId: string;
  kind: string;
  name: string;
  description: string;
  capacity: number | null;
  address: string | null;
  status: 'AVAILABLE' | 'WITHDRAWN';
}

export const ResourceEntity = new EntitySchema<Resource>({
  name: 'resource',
  columns: {
    id: { type: 'uuid', primary: true },
    providerId: { type: 'uuid', name: 'provider_id' },
    communityId: { type: 'uuid', name: 'community_id' },
    kind: { type: 'text' },
    name: { type: 'text' },
    description: { type: 'text' },
    capacity: { type: 'int', nullable: true },
    address: { type: 'text', nullable: true },
    status: { type: 'text' },
  },
});
