import { EntitySchema } from 'typeorm';

export type ActivityKind =
  'VOLUNTEER_SERVICE' | 'DEDICATION_DAY' | 'PAIRED_ASSISTANCE' | 'PARTY_EDUCATION' | 'CULTURE_SPORTS' | 'PATROL' | 'MEETING';
/** What the database stores; ONGOING is shown, not stored (see domain/activity-rules.ts). */
export type StoredActivityStatus = 'DRAFT' | 'PUBLISHED' | 'COMPLETED' | 'CANCELLED';

export interface Activity {
  id: string;
  title: string;
  kind: ActivityKind;
  status: StoredActivityStatus;
  organizerId: string;
  communityId: string;
  teamId: string | null;
  coOrganizerIds: string[];
  venueBookingId: string | null;
  place: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signedUpCount: number;
  completedAt: Date | null;
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
    teamId: { type: 'uuid', name: 'team_id', nullable: true },
    coOrganizerIds: { type: 'uuid', name: 'co_organizer_ids', array: true },
    venueBookingId: { type: 'uuid', name: 'venue_booking_id', nullable: true },
    place: { type: 'text', nullable: true },
    startsAt: { type: 'timestamptz', name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    capacity: { type: 'int' },
    signedUpCount: { type: 'int', name: 'signed_up_count' },
    completedAt: { type: 'timestamptz', name: 'completed_at', nullable: true },
  },
});
