import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisational life (三会一课): a meeting is its identity (organisation, type, start, status) and a
 * history of versions; a correction adds a version and never rewrites one (the audit trail holds who).
 * Attendance belongs to a version. Two recordings of one meeting are one: a unique key over the
 * meetings not cancelled, which also settles two recordings sent at the same instant.
 */
export class OrganizationalLife1768000000000 implements MigrationInterface {
  name = 'OrganizationalLife1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        type text NOT NULL CHECK (type IN ('MEMBERS_MEETING','COMMITTEE_MEETING','PARTY_GROUP_MEETING','PARTY_LESSON','THEMED_PARTY_DAY','ORGANIZATIONAL_LIFE_MEETING','DEMOCRATIC_APPRAISAL')),
        starts_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('HELD','CANCELLED')),
        version int NOT NULL CHECK (version >= 1),
        cancel_reason text CHECK (char_length(cancel_reason) <= 200),
        CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX meeting_one_per_slot_idx ON meeting (organization_id, type, starts_at) WHERE status = 'HELD'`);
    // Lists, compliance and the silent-organisation scan read by organisation and time.
    await q.query(`CREATE INDEX meeting_organization_time_idx ON meeting (organization_id, starts_at, id)`);
    await q.query(`
      CREATE TABLE meeting_version (
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        version int NOT NULL CHECK (version >= 1),
        place text CHECK (char_length(place) <= 200),
        venue_booking_id uuid,
        topic text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 200),
        host_member_id uuid,
        lecturer_member_id uuid,
        agenda text NOT NULL DEFAULT '' CHECK (char_length(agenda) <= 2000),
        resolutions text NOT NULL DEFAULT '' CHECK (char_length(resolutions) <= 2000),
        summary text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 1000),
        resolution_voted boolean NOT NULL DEFAULT false,
        correction_reason text CHECK (char_length(correction_reason) <= 200),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, version),
        CHECK ((place IS NULL) <> (venue_booking_id IS NULL)),
        CHECK ((version = 1) = (correction_reason IS NULL))
      )`);
    await q.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL,
        version int NOT NULL,
        member_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('PRESENT','ON_LEAVE','ABSENT')),
        leave_reason text CHECK (char_length(leave_reason) <= 200),
        can_vote boolean NOT NULL,
        PRIMARY KEY (meeting_id, version, member_id),
        FOREIGN KEY (meeting_id, version) REFERENCES meeting_version (meeting_id, version),
        CHECK ((status = 'ON_LEAVE') = (leave_reason IS NOT NULL))
      )`);
    // A member's attendance over a year, and the six-month absence scan.
    await q.query(`CREATE INDEX meeting_attendance_member_idx ON meeting_attendance (member_id, meeting_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_attendance`);
    await q.query(`DROP TABLE meeting_version`);
    await q.query(`DROP TABLE meeting`);
  }
}
