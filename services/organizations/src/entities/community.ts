import { EntitySchema } from 'typeorm';

export interface Community {
  id: string;
  streetId: string;
  name: string;
}

export const CommunityEntity = new EntitySchema<Community>({
  name: 'community',
  columns: {
    id: { type: 'uuid', primary: true },
    streetId: { type: 'uuid', name: 'street_id' },
    name: { type: 'text' },
  },
});
