import { EntitySchema } from 'typeorm';

export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** A weekly opening window in the district's local time; `closesAt` may be 24:00. */
export interface OpeningWindow {
  weekday: Weekday;
  /** HH:MM */
  opensAt: string;
  /** HH:MM */
  closesAt: string;
}

export type ResourceKind = 'VENUE' | 'FACILITY' | 'EXPERT' | 'FUNDING' | 'JOBS' | 'SERVICE';

export interface Resource {
  id: string;
  providerId: string;
  communityId: string;
  kind: ResourceKind;
  name: string;
  description: string;
  capacity: number | null;
  address: string | null;
  openingHours: OpeningWindow[];
  status: 'AVAILABLE' | 'WITHDRAWN';
  withdrawnOn: string | null;
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
    openingHours: { type: 'jsonb', name: 'opening_hours' },
    status: { type: 'text' },
    withdrawnOn: { type: 'date', name: 'withdrawn_on', nullable: true },
  },
});
