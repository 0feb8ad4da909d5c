import { EntitySchema } from 'typeorm';

export interface Activity {
  id: string;
  title: string;
  kind: string;
  status: string;
  organizerId: string;
  communityId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signedUpCount: number;
}

export const ActivityEntity = new EntitySchema<Activity>({
  name: 'activity',
  columns: {
    id: { type: 'uuid', primary: true },
    title: { type: 'text' },
    kind: { type: 'text' },
    status: { type: 'text' },
    organizerId: { type: 'uuid', name: 'organizer_id' },
    communityId: { type: 'uuid', name: 'community_id' },
    startsAt: { type: 'timestamptz', name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    capacity: { type: 'int' },
    signedUpCount: { type: 'int', name: 'signed_up_count' },
  },
});
