/**
 * The rules that span two services' databases, checked from the outside (issue 11): ops run it
 * (`npm run reconcile`) to see that what ADR 0010 and the booking checks guarantee holds in fact.
 * Read-only: one or two queries per database, whatever the district's size.
 */

/** Runs one SQL statement on one service's database. */
export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface Databases {
  organizations: Query;
  members: Query;
  resources: Query;
  activities: Query;
}

export const CHECKS = {
  member_in_inactive_organization: 'a member held by an organisation that is dissolved, unknown, or stuck closing',
  dissolve_interrupted: 'an organisation closing for too long, or closed to members but not dissolved: retry dissolveOrganization',
  activity_booking_not_owned: 'an activity using a venue booking that is missing or was booked by an organisation not above its organiser',
  activity_booking_serves_another: 'an activity using a venue booking that serves another activity',
  activity_booking_not_confirmed: 'an activity (not cancelled) using a cancelled venue booking',
  activity_booking_not_covering: "an activity using a venue booking whose time does not cover the activity's",
  booking_serves_foreign_activity:
    'a confirmed booking serving an activity that is unknown or not run by the booking organisation (or below it)',
} as const;

export type Check = keyof typeof CHECKS;

export interface Violation {
  check: Check;
  /** What is wrong, by id: the organisation, the activity or the booking. */
  subject: string;
  detail: string;
}

/** A dissolve still CLOSING after this long was interrupted (it normally takes one peer call). */
export const CLOSING_GRACE_SECONDS = 60;

interface OrganizationRow {
  id: string;
  status: string;
  path: string;
  stuck: boolean;
}

async function organizationsById(db: Databases, ids: string[]): Promise<Map<string, OrganizationRow>> {
  const rows = await db.organizations<OrganizationRow>(
    `SELECT id, status, path, (status = 'CLOSING' AND closing_since < now() - make_interval(secs => $2)) AS stuck
       FROM organization WHERE id = ANY($1::uuid[])`,
    [ids, CLOSING_GRACE_SECONDS],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** 不漏一个党员: every member's organisation is a living one; dissolves that did not finish. */
export async function membershipViolations(db: Databases): Promise<Violation[]> {
  const held = await db.members<{ id: string; members: number }>(
    'SELECT organization_id AS id, count(*)::int AS members FROM member GROUP BY organization_id',
  );
  const closed = await db.members<{ id: string }>('SELECT organization_id AS id FROM organization_gate WHERE closed_at IS NOT NULL');
  const stuck = await db.organizations<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'CLOSING' AND closing_since < now() - make_interval(secs => $1)`,
    [CLOSING_GRACE_SECONDS],
  );
  const organizations = await organizationsById(db, [...new Set([...held, ...closed].map((r) => r.id))]);
  const violations: Violation[] = [];
  for (const { id, members } of held) {
    const organization = organizations.get(id);
    if (!organization || organization.status === 'DISSOLVED' || organization.stuck) {
      violations.push({
        check: 'member_in_inactive_organization',
        subject: id,
        detail: `${members} member(s) held by an organisation that is ${organization ? `${organization.status.toLowerCase()}` : 'unknown to organizations'}`,
      });
    }
  }
  for (const { id } of stuck)
    violations.push({ check: 'dissolve_interrupted', subject: id, detail: `closing for more than ${CLOSING_GRACE_SECONDS} s` });
  for (const { id } of closed) {
    const status = organizations.get(id)?.status;
    if (status !== 'DISSOLVED' && status !== 'CLOSING')
      violations.push({
        check: 'dissolve_interrupted',
        subject: id,
        detail: `closed to members but ${status?.toLowerCase() ?? 'unknown to organizations'}`,
      });
  }
  return violations;
}

interface ActivityRow {
  id: string;
  organizer_id: string;
  venue_booking_id: string | null;
  starts_at: Date;
  ends_at: Date;
}
interface BookingRow {
  id: string;
  booked_by_id: string;
  activity_id: string | null;
  status: string;
  starts_at: Date;
  ends_at: Date;
}

/** A venue booking serves only an activity of the organisation that booked it (or one below it), and only one. */
export async function bookingViolations(db: Databases): Promise<Violation[]> {
  const using = await db.activities<ActivityRow>(
    `SELECT id, organizer_id, venue_booking_id, starts_at, ends_at FROM activity WHERE venue_booking_id IS NOT NULL AND status <> 'CANCELLED'`,
  );
  const bookings = await db.resources<BookingRow>(
    `SELECT id, booked_by_id, activity_id, status, starts_at, ends_at FROM booking
      WHERE id = ANY($1::uuid[]) OR (activity_id IS NOT NULL AND status = 'CONFIRMED')`,
    [using.map((a) => a.venue_booking_id)],
  );
  const served = bookings.filter((b) => b.activity_id && b.status === 'CONFIRMED');
  const servedActivities = await db.activities<ActivityRow>(
    'SELECT id, organizer_id, venue_booking_id, starts_at, ends_at FROM activity WHERE id = ANY($1::uuid[])',
    [served.map((b) => b.activity_id)],
  );
  const activities = new Map([...using, ...servedActivities].map((a) => [a.id, a]));
  const organizers = await organizationsById(db, [...new Set([...activities.values()].map((a) => a.organizer_id))]);
  const byId = new Map(bookings.map((b) => [b.id, b]));
  // Booked by the organiser or an organisation above it: the booker is on the organiser's path.
  const owns = (bookedById: string, organizerId: string) => organizers.get(organizerId)?.path.includes(`/${bookedById}/`) ?? false;

  const violations: Violation[] = [];
  for (const activity of using) {
    const booking = byId.get(activity.venue_booking_id!);
    const add = (check: Check, detail: string) =>
      violations.push({ check, subject: activity.id, detail: `booking ${activity.venue_booking_id}: ${detail}` });
    if (!booking || !owns(booking.booked_by_id, activity.organizer_id)) {
      add(
        'activity_booking_not_owned',
        booking ? `booked by ${booking.booked_by_id}, organised by ${activity.organizer_id}` : 'unknown to resources',
      );
      continue;
    }
    if (booking.activity_id && booking.activity_id !== activity.id)
      add('activity_booking_serves_another', `serves activity ${booking.activity_id}`);
    if (booking.status !== 'CONFIRMED') add('activity_booking_not_confirmed', booking.status.toLowerCase());
    if (booking.starts_at > activity.starts_at || booking.ends_at < activity.ends_at)
      add('activity_booking_not_covering', `booked ${booking.starts_at.toISOString()} to ${booking.ends_at.toISOString()}`);
  }
  for (const booking of served) {
    const activity = activities.get(booking.activity_id!);
    if (!activity || !owns(booking.booked_by_id, activity.organizer_id)) {
      violations.push({
        check: 'booking_serves_foreign_activity',
        subject: booking.id,
        detail: `activity ${booking.activity_id} ${activity ? `organised by ${activity.organizer_id}, booked by ${booking.booked_by_id}` : 'unknown to activities'}`,
      });
    }
  }
  return violations;
}

/** Every check, in a stable order. */
export async function findViolations(db: Databases): Promise<Violation[]> {
  return [...(await membershipViolations(db)), ...(await bookingViolations(db))];
}
