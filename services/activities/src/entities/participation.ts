import { EntitySchema } from 'typeorm';

export type ParticipationStatus = 'SIGNED_UP' | 'CANCELLED' | 'ATTENDED' | 'NO_SHOW';

export interface Participation {
  id: string;
  activityId: string;
  memberId: string;
  status: ParticipationStatus;
  signedUpAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  /** Credited service hours; null until the activity is completed. */
  hours: number | null;
  creditedAt: Date | null;
}

export const ParticipationEntity = new EntitySchema<Participation>({
  name: 'participation',
  columns: {
    id: { type: 'uuid', primary: true },
    activityId: { type: 'uuid', name: 'activity_id' },
    memberId: { type: 'uuid', name: 'member_id' },
    status: { type: 'text' },
    signedUpAt: { type: 'timestamptz', name: 'signed_up_at' },
    checkedInAt: { type: 'timestamptz', name: 'checked_in_at', nullable: true },
    checkedOutAt: { type: 'timestamptz', name: 'checked_out_at', nullable: true },
    hours: { type: 'numeric', precision: 5, scale: 2, nullable: true },
    creditedAt: { type: 'timestamptz', name: 'credited_at', nullable: true },
  },
});

/** One row of the credited-hours ledger (table service_hours): written once, when the activity is completed. */
export interface ServiceHours {
  participationId: string;
  activityId: string;
  memberId: string;
  communityId: string;
  organizerId: string;
  teamId: string | null;
  /** The activity's start: statistics periods are about when the service took place. */
  servedAt: Date;
  hours: number;
}

export const ServiceHoursEntity = new EntitySchema<ServiceHours>({
  name: 'service_hours',
  columns: {
    participationId: { type: 'uuid', primary: true, name: 'participation_id' },
    activityId: { type: 'uuid', name: 'activity_id' },
    memberId: { type: 'uuid', name: 'member_id' },
    communityId: { type: 'uuid', name: 'community_id' },
    organizerId: { type: 'uuid', name: 'organizer_id' },
    teamId: { type: 'uuid', name: 'team_id', nullable: true },
    servedAt: { type: 'timestamptz', name: 'served_at' },
    hours: { type: 'numeric', precision: 5, scale: 2 },
  },
});
