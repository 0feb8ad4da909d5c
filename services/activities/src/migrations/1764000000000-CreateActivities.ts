import type { MigrationInterface, QueryRunner } from 'typeorm';

const SKILLS = `'LEGAL','REPAIR','MEDICAL','PATROL','TUTORING','IT','CULTURE_SPORTS','CARE','OTHER'`;

/**
 * Volunteer teams, activities, participations and the ledger of credited service hours.
 * Member, organisation, community, unit and booking ids belong to other services: no foreign keys.
 */
export class CreateActivities1764000000000 implements MigrationInterface {
  name = 'CreateActivities1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer_team (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        specialty text NOT NULL CHECK (specialty IN (${SKILLS})),
        organization_id uuid NOT NULL,
        -- The organisation's community, copied at creation so community lists need no call to organizations.
        community_id uuid,
        leader_id uuid NOT NULL,
        founded_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_team_name_key UNIQUE (organization_id, name)
      )`);
    await q.query(`CREATE INDEX volunteer_team_name_idx ON volunteer_team (name, id)`);
    await q.query(`CREATE INDEX volunteer_team_community_idx ON volunteer_team (community_id, name, id)`);
    await q.query(`
      CREATE TABLE team_membership (
        id uuid PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES volunteer_team(id),
        member_id uuid NOT NULL,
        joined_on date NOT NULL,
        left_on date,
        CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    // One current membership per member and team; former ones stay as history.
    await q.query(`CREATE UNIQUE INDEX team_membership_current_idx ON team_membership (team_id, member_id) WHERE left_on IS NULL`);
    await q.query(`CREATE INDEX team_membership_team_idx ON team_membership (team_id, joined_on, id)`);
    await q.query(`CREATE INDEX team_membership_member_idx ON team_membership (member_id) WHERE left_on IS NULL`);
    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('VOLUNTEER_SERVICE','DEDICATION_DAY','PAIRED_ASSISTANCE','PARTY_EDUCATION','CULTURE_SPORTS','PATROL','MEETING')),
        -- ONGOING is not stored: it is PUBLISHED past the start, so it follows from the clock.
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','COMPLETED','CANCELLED')),
        organizer_id uuid NOT NULL,
        community_id uuid NOT NULL,
        team_id uuid REFERENCES volunteer_team(id),
        co_organizer_ids uuid[] NOT NULL DEFAULT '{}',
        venue_booking_id uuid,
        place text CHECK (char_length(place) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        -- Maintained by sign-up and cancel in the same transaction as the participation, so that
        -- the CHECK below makes over-booking impossible under concurrency.
        signed_up_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CHECK (ends_at > starts_at),
        CONSTRAINT activity_within_capacity CHECK (signed_up_count BETWEEN 0 AND capacity),
        CHECK ((completed_at IS NOT NULL) = (status = 'COMPLETED'))
      )`);
    await q.query(`CREATE INDEX activity_community_idx ON activity (community_id, starts_at DESC, id DESC)`);
    await q.query(`CREATE INDEX activity_organizer_idx ON activity (organizer_id, starts_at)`);
    await q.query(`CREATE INDEX activity_team_idx ON activity (team_id, starts_at) WHERE team_id IS NOT NULL`);
    // A booked venue serves one activity at a time.
    await q.query(
      `CREATE UNIQUE INDEX activity_venue_booking_idx ON activity (venue_booking_id) WHERE venue_booking_id IS NOT NULL AND status <> 'CANCELLED'`,
    );
    await q.query(`
      CREATE TABLE participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES activity(id),
        member_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'SIGNED_UP' CHECK (status IN ('SIGNED_UP','CANCELLED','ATTENDED','NO_SHOW')),
        signed_up_at timestamptz NOT NULL DEFAULT now(),
        checked_in_at timestamptz,
        checked_out_at timestamptz,
        hours numeric(5,2) CHECK (hours >= 0),
        -- Set once, by the completion that credits the hours; the crediting UPDATE only touches rows where it is null.
        credited_at timestamptz,
        CONSTRAINT participation_once_key UNIQUE (activity_id, member_id),
        CHECK ((checked_in_at IS NOT NULL) = (status = 'ATTENDED')),
        CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at),
        CHECK ((hours IS NULL) = (credited_at IS NULL))
      )`);
    await q.query(`CREATE INDEX participation_activity_idx ON participation (activity_id, signed_up_at, id)`);
    await q.query(`CREATE INDEX participation_member_idx ON participation (member_id)`);
    // The dashboards' fact table: one immutable row per credited participation, written by the
    // completion in the same transaction. Its primary key is the last word on "credited once";
    // the covering indexes answer every statistic by an index-only range scan (see README).
    await q.query(`
      CREATE TABLE service_hours (
        participation_id uuid PRIMARY KEY REFERENCES participation(id),
        activity_id uuid NOT NULL REFERENCES activity(id),
        member_id uuid NOT NULL,
        community_id uuid NOT NULL,
        organizer_id uuid NOT NULL,
        team_id uuid,
        served_at timestamptz NOT NULL,
        hours numeric(5,2) NOT NULL CHECK (hours >= 0)
      )`);
    await q.query(`CREATE INDEX service_hours_community_idx ON service_hours (community_id, served_at) INCLUDE (member_id, hours)`);
    await q.query(`CREATE INDEX service_hours_organizer_idx ON service_hours (organizer_id, served_at) INCLUDE (member_id, hours)`);
    await q.query(
      `CREATE INDEX service_hours_team_idx ON service_hours (team_id, served_at) INCLUDE (member_id, hours) WHERE team_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX service_hours_member_idx ON service_hours (member_id, served_at) INCLUDE (hours)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_hours, participation, activity, team_membership, volunteer_team`);
  }
}
