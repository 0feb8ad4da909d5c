import { EntitySchema } from 'typeorm';

export type PositionRole =
  'SECRETARY' | 'DEPUTY_SECRETARY' | 'FULL_TIME_DEPUTY_SECRETARY' | 'COMMITTEE_MEMBER' | 'PART_TIME_COMMITTEE_MEMBER';

/** A seat in an organisation's leadership (班子); current while `endsOn` is null. */
export interface Position {
  id: string;
  organizationId: string;
  memberId: string;
  role: PositionRole;
  fromUnitId: string | null;
  alsoChairsResidentsCommittee: boolean;
  startsOn: string;
  endsOn: string | null;
}

export const PositionEntity = new EntitySchema<Position>({
  name: 'position',
  columns: {
    id: { type: 'uuid', primary: true },
    organizationId: { type: 'uuid', name: 'organization_id' },
    memberId: { type: 'uuid', name: 'member_id' },
    role: { type: 'text' },
    fromUnitId: { type: 'uuid', name: 'from_unit_id', nullable: true },
    alsoChairsResidentsCommittee: { type: 'boolean', name: 'also_chairs_residents_committee' },
    startsOn: { type: 'date', name: 'starts_on' },
    endsOn: { type: 'date', name: 'ends_on', nullable: true },
  },
});
