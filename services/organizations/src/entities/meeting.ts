import { EntitySchema } from 'typeorm';

/** The types of organisational life (三会一课 and the yearly ones); which apply depends on the organisation's kind. */
export const MEETING_TYPES = [
  'MEMBERS_MEETING',
  'COMMITTEE_MEETING',
  'PARTY_GROUP_MEETING',
  'PARTY_LESSON',
  'THEMED_PARTY_DAY',
  'ORGANIZATIONAL_LIFE_MEETING',
  'DEMOCRATIC_APPRAISAL',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export type AttendanceStatus = 'PRESENT' | 'ON_LEAVE' | 'ABSENT';

/** A meeting's identity; its content lives in versions (`version` is the current one). */
export interface Meeting {
  id: string;
  organizationId: string;
  type: MeetingType;
  startsAt: Date;
  status: 'HELD' | 'CANCELLED';
  version: number;
  cancelReason: string | null;
}

/** One version of a meeting's record: the first as recorded, each correction a new one. */
export interface MeetingVersion {
  meetingId: string;
  version: number;
  place: string | null;
  venueBookingId: string | null;
  topic: string;
  hostMemberId: string | null;
  lecturerMemberId: string | null;
  agenda: string;
  resolutions: string;
  summary: string;
  /** A resolution was put to the vote: probationary members present could not vote. */
  resolutionVoted: boolean;
  correctionReason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** One expected member's attendance in one version. */
export interface MeetingAttendance {
  meetingId: string;
  version: number;
  memberId: string;
  status: AttendanceStatus;
  leaveReason: string | null;
  /** False for a probationary member (预备党员) on the meeting's day. */
  canVote: boolean;
}

export const MeetingEntity = new EntitySchema<Meeting>({
  name: 'meeting',
  columns: {
    id: { type: 'uuid', primary: true },
    organizationId: { type: 'uuid', name: 'organization_id' },
    type: { type: 'text' },
    startsAt: { type: 'timestamptz', name: 'starts_at' },
    status: { type: 'text' },
    version: { type: 'int' },
    cancelReason: { type: 'text', name: 'cancel_reason', nullable: true },
  },
});

export const MeetingVersionEntity = new EntitySchema<MeetingVersion>({
  name: 'meeting_version',
  columns: {
    meetingId: { type: 'uuid', name: 'meeting_id', primary: true },
    version: { type: 'int', primary: true },
    place: { type: 'text', nullable: true },
    venueBookingId: { type: 'uuid', name: 'venue_booking_id', nullable: true },
    topic: { type: 'text' },
    hostMemberId: { type: 'uuid', name: 'host_member_id', nullable: true },
    lecturerMemberId: { type: 'uuid', name: 'lecturer_member_id', nullable: true },
    agenda: { type: 'text' },
    resolutions: { type: 'text' },
    summary: { type: 'text' },
    resolutionVoted: { type: 'boolean', name: 'resolution_voted' },
    correctionReason: { type: 'text', name: 'correction_reason', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by' },
    recordedAt: { type: 'timestamptz', name: 'recorded_at' },
  },
});

export const MeetingAttendanceEntity = new EntitySchema<MeetingAttendance>({
  name: 'meeting_attendance',
  columns: {
    meetingId: { type: 'uuid', name: 'meeting_id', primary: true },
    version: { type: 'int', primary: true },
    memberId: { type: 'uuid', name: 'member_id', primary: true },
    status: { type: 'text' },
    leaveReason: { type: 'text', name: 'leave_reason', nullable: true },
    canVote: { type: 'boolean', name: 'can_vote' },
  },
});
