import { check, msg, ValidationError } from '@cpb/kit';
import type { MeetingType, MeetingVersion } from '../entities';

/** What a recording or a correction says about a meeting (the part that is versioned). */
export interface MeetingContentInput {
  place?: string | null;
  venueBookingId?: string | null;
  topic: string;
  hostId?: string | null;
  lecturerId?: string | null;
  agenda?: string | null;
  resolutions?: string | null;
  summary?: string | null;
  resolutionVoted?: boolean | null;
}

export type MeetingContent = Omit<MeetingVersion, 'meetingId' | 'version' | 'correctionReason' | 'recordedBy' | 'recordedAt'>;

const optionalId = (field: string, value?: string | null): string | null => (value ? check.uuid(field, value) : null);

/** The content, checked: a place or a booked venue (one of them), a lecturer only for a Party lesson. */
export function meetingContent(type: MeetingType, input: MeetingContentInput): MeetingContent {
  const place = check.optionalName('place', input.place, 200);
  const venueBookingId = optionalId('venueBookingId', input.venueBookingId);
  if (Boolean(place) === Boolean(venueBookingId)) throw new ValidationError('place', msg('meeting.placeOrVenue'));
  const lecturerMemberId = optionalId('lecturerId', input.lecturerId);
  if (lecturerMemberId && type !== 'PARTY_LESSON') throw new ValidationError('lecturerId', msg('meeting.lecturerOnlyForLesson'));
  return {
    place,
    venueBookingId,
    topic: check.name('topic', input.topic, 200),
    hostMemberId: optionalId('hostId', input.hostId),
    lecturerMemberId,
    agenda: check.freeText('agenda', input.agenda, 2000),
    resolutions: check.freeText('resolutions', input.resolutions, 2000),
    summary: check.freeText('summary', input.summary, 1000),
    resolutionVoted: input.resolutionVoted ?? false,
  };
}
