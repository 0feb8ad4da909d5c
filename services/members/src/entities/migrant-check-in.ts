import { EntitySchema } from 'typeorm';

/** A migrant member (流动党员) reporting in at a migrant member station (流动党员服务站), an organisation of MIGRANT scope. */
export interface MigrantCheckIn {
  id: string;
  memberId: string;
  organizationId: string;
  checkedInOn: string;
}

export const MigrantCheckInEntity = new EntitySchema<MigrantCheckIn>({
  name: 'migrant_check_in',
  columns: {
    id: { type: 'uuid', primary: true },
    memberId: { type: 'uuid', name: 'member_id' },
    organizationId: { type: 'uuid', name: 'organization_id' },
    checkedInOn: { type: 'date', name: 'checked_in_on' },
  },
});
