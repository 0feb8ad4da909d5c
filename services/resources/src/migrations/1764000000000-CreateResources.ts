import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The resource list (资源清单) that resident units offer their community, and bookings of its venues. */
export class CreateResources1764000000000 implements MigrationInterface {
  name = 'CreateResources1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint combine `=` on a uuid with `&&` on a time range.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider_id uuid NOT NULL,
        community_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VENUE','FACILITY','EXPERT','FUNDING','JOBS','SERVICE')),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '',
        capacity int CHECK (capacity > 0),
        address text,
        -- Weekly windows [{weekday, opensAt, closesAt}] in local time; validated by the use case,
        -- always read whole with the resource (never queried inside).
        opening_hours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(opening_hours) = 'array'),
        status text NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE','WITHDRAWN')),
        withdrawn_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'VENUE' OR capacity IS NOT NULL),
        CHECK ((status = 'WITHDRAWN') = (withdrawn_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX resource_provider_idx ON resource (provider_id, name)`);
    await q.query(`CREATE INDEX resource_community_idx ON resource (community_id, kind, name, id)`);
    await q.query(`CREATE INDEX resource_name_idx ON resource (name, id)`);
    // A venue is never booked twice for overlapping times: the database refuses the second
    // confirmed booking even when both arrive at once ('[)' ranges, so back-to-back is fine).
    await q.query(`
      CREATE TABLE booking (
        id uuid PRIMARY KEY,
        resource_id uuid NOT NULL REFERENCES resource(id),
        booked_by_id uuid NOT NULL,
        activity_id uuid,
        purpose text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        headcount int NOT NULL CHECK (headcount > 0),
        status text NOT NULL DEFAULT 'CONFIRMED' CHECK (status IN ('CONFIRMED','CANCELLED')),
        cancelled_at timestamptz,
        cancellation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CONSTRAINT booking_no_overlap EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'CONFIRMED')
      )`);
    await q.query(`CREATE INDEX booking_resource_idx ON booking (resource_id, starts_at, id)`);
    await q.query(`CREATE INDEX booking_booked_by_idx ON booking (booked_by_id, starts_at, id)`);
    await q.query(`CREATE INDEX booking_activity_idx ON booking (activity_id) WHERE activity_id IS NOT NULL`);
    await q.query(`CREATE INDEX booking_starts_idx ON booking (starts_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE booking, resource`);
  }
}
