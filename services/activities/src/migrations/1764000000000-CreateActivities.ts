import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Activities and participations (who signed up, attended, and the hours credited). */
export class CreateActivities1764000000000 implements MigrationInterface {
  name = 'CreateActivities1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('VOLUNTEER_SERVICE','DEDICATION_DAY','PAIRED_ASSISTANCE','PARTY_EDUCATION','CULTURE_SPORTS','PATROL','MEETING')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','ONGOING','COMPLETED','CANCELLED')),
        organizer_id uuid NOT NULL,
        community_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity int NOT NULL CHECK (capacity > 0),
        -- Maintained by sign-up and cancel in the same statement as the participation, so that
        -- the CHECK below makes over-booking impossible under concurrency.
        signed_up_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (signed_up_count BETWEEN 0 AND capacity)
      )`);
    await q.query(`CREATE INDEX activity_community_idx ON activity (community_id, starts_at DESC, id DESC)`);
    await q.query(`CREATE INDEX activity_organizer_idx ON activity (organizer_id, starts_at)`);
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
        UNIQUE (activity_id, member_id)
      )`);
    await q.query(`CREATE INDEX participation_member_idx ON participation (member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participation, activity`);
  }
}
