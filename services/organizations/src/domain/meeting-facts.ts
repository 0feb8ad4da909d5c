import { ConflictError, msg, type Peers } from '@cpb/kit';
import type { Organization } from '../entities';
import type { RosterEntry } from './attendance-rules';
import type { MeetingContent } from './meeting-content';

/** The organisation's members on `day`, asked of the members service (before any transaction). */
export async function rosterOn(peers: Peers, organizationId: string, day: string): Promise<RosterEntry[]> {
  const data = await peers.operation<{ organizationRoster: RosterEntry[] }>(
    'members',
    'query($id: ID!, $on: String!) { organizationRoster(organizationId: $id, on: $on) { memberId probationary } }',
    { id: organizationId, on: day },
  );
  return data.organizationRoster;
}

/**
 * The people and the venue a meeting names exist: host and lecturer are members (members service);
 * a booked venue (resources) was booked by the organisation or one above it, still confirmed, and
 * covers the meeting's start, as an activity's venue is checked.
 */
export async function requireContentFacts(
  peers: Peers,
  organization: Pick<Organization, 'path'>,
  content: MeetingContent,
  startsAt: Date,
): Promise<void> {
  if (content.hostMemberId) await peers.require('Member', [content.hostMemberId], 'hostId');
  if (content.lecturerMemberId) await peers.require('Member', [content.lecturerMemberId], 'lecturerId');
  if (!content.venueBookingId) return;
  const [booking] = await peers.require('Booking', [content.venueBookingId], 'venueBookingId');
  const covers = Date.parse(booking.startsAt) <= startsAt.getTime() && startsAt.getTime() < Date.parse(booking.endsAt);
  if (booking.status !== 'CONFIRMED' || !covers || !organization.path.includes(`/${booking.bookedById}/`)) {
    throw new ConflictError(msg('meeting.venueNotHeld', { startsAt: startsAt.toISOString() }));
  }
}
