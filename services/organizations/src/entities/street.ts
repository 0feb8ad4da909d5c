import { EntitySchema } from 'typeorm';

export interface Street {
  id: string;
  name: string;
  district: string;
}

export const StreetEntity = new EntitySchema<Street>({
  name: 'street',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    district: { type: 'text' },
  },
});
