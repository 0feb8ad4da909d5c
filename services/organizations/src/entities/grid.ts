import { EntitySchema } from 'typeorm';

export interface Grid {
  id: string;
  communityId: string;
  name: string;
}

export const GridEntity = new EntitySchema<Grid>({
  name: 'grid',
  columns: {
    id: { type: 'uuid', primary: true },
    communityId: { type: 'uuid', name: 'community_id' },
    name: { type: 'text' },
  },
});
