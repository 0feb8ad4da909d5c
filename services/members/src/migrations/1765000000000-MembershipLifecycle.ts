import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `('EMPLOYED','RETIRED','UNEMPLOYED','MIGRANT','STUDENT','OTHER')`;

/**
 * The ways into, through and around membership: applicants (入党申请人 → 积极分子 → 发展对象),
 * conversion, transfers (组织关系转接), community registration (到社区报到) with feedback, and
 * migrant check-ins. Invariants under concurrency are partial unique indexes: one open transfer
 * and one active registration per member.
 */
export class MembershipLifecycle1765000000000 implements MigrationInterface {
  name = 'MembershipLifecycle1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member ADD COLUMN converted_on date, ADD COLUMN applicant_id uuid UNIQUE`);
    await q.query(`ALTER TABLE member ADD CHECK (converted_on IS NULL OR status = 'FULL')`);
    // Lists within an organisation or a work unit are ordered by name: these serve both the filter and the order.
    await q.query(`CREATE INDEX member_organization_name_idx ON member (organization_id, name, id)`);
    await q.query(`DROP INDEX member_work_unit_idx`);
    await q.query(`CREATE INDEX member_work_unit_idx ON member (work_unit_id, name, id)`);
    await q.query(`CREATE INDEX member_category_idx ON member (category, name, id)`);
    await q.query(`CREATE INDEX member_status_idx ON member (status, name, id)`);

    await q.query(`
      CREATE TABLE applicant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        gender text NOT NULL CHECK (gender IN ('MALE','FEMALE')),
        birth_date date NOT NULL,
        ethnicity text NOT NULL,
        education text,
        phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        id_number text NOT NULL UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        organization_id uuid NOT NULL,
        work_unit_id uuid,
        residence_community_id uuid,
        stage text NOT NULL CHECK (stage IN ('APPLICANT','ACTIVIST','CANDIDATE')),
        applied_on date NOT NULL,
        activist_on date,
        candidate_on date,
        admitted_member_id uuid UNIQUE REFERENCES member (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (applied_on >= birth_date + interval '18 years'),
        CHECK ((stage = 'APPLICANT') = (activist_on IS NULL) AND activist_on >= applied_on),
        CHECK ((stage = 'CANDIDATE') = (candidate_on IS NOT NULL) AND candidate_on >= activist_on)
      )`);
    // Admitted applicants are members now: open ones are what lists and the census count.
    await q.query(`CREATE INDEX applicant_organization_idx ON applicant (organization_id, name, id) WHERE admitted_member_id IS NULL`);
    await q.query(`CREATE INDEX applicant_community_idx ON applicant (residence_community_id, stage) WHERE admitted_member_id IS NULL`);
    await q.query(`CREATE INDEX applicant_name_idx ON applicant (name, id)`);

    await q.query(`
      CREATE TABLE transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member (id),
        from_organization_id uuid NOT NULL,
        to_organization_id uuid NOT NULL CHECK (to_organization_id <> from_organization_id),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
        status text NOT NULL CHECK (status IN ('REQUESTED','APPROVED','REJECTED','COMPLETED')),
        requested_on date NOT NULL,
        decided_on date,
        completed_on date,
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'REQUESTED') = (decided_on IS NULL)),
        CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX transfer_one_open_per_member_idx ON transfer (member_id) WHERE status IN ('REQUESTED','APPROVED')`);
    await q.query(`CREATE INDEX transfer_member_idx ON transfer (member_id, requested_on)`);
    await q.query(`CREATE INDEX transfer_to_idx ON transfer (to_organization_id, requested_on, id)`);
    await q.query(`CREATE INDEX transfer_from_idx ON transfer (from_organization_id, requested_on, id)`);

    await q.query(`
      CREATE TABLE community_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member (id),
        community_id uuid NOT NULL,
        work_unit_id uuid,
        status text NOT NULL CHECK (status IN ('ACTIVE','ENDED')),
        registered_on date NOT NULL,
        ended_on date CHECK (ended_on >= registered_on),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'ENDED') = (ended_on IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX registration_one_active_per_member_idx ON community_registration (member_id) WHERE status = 'ACTIVE'`,
    );
    await q.query(`CREATE INDEX registration_member_idx ON community_registration (member_id, registered_on)`);
    await q.query(`CREATE INDEX registration_community_idx ON community_registration (community_id, member_id) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE registration_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES community_registration (id),
        rating text NOT NULL CHECK (rating IN ('EXCELLENT','QUALIFIED','BASICALLY_QUALIFIED','UNQUALIFIED')),
        comment text NOT NULL CHECK (char_length(comment) BETWEEN 1 AND 500),
        recorded_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX registration_feedback_idx ON registration_feedback (registration_id, recorded_on)`);

    await q.query(`
      CREATE TABLE migrant_check_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member (id),
        organization_id uuid NOT NULL,
        checked_in_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT migrant_check_in_once_a_day UNIQUE (member_id, organization_id, checked_in_on)
      )`);
    await q.query(`CREATE INDEX migrant_check_in_organization_idx ON migrant_check_in (organization_id, checked_in_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE migrant_check_in, registration_feedback, community_registration, transfer, applicant`);
    await q.query(`DROP INDEX member_organization_name_idx, member_category_idx, member_status_idx, member_work_unit_idx`);
    await q.query(`CREATE INDEX member_work_unit_idx ON member (work_unit_id)`);
    await q.query(`ALTER TABLE member DROP COLUMN converted_on, DROP COLUMN applicant_id`);
  }
}
