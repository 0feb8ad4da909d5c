import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Party members and the organisation holding each one's relationship (exactly one: NOT NULL). */
export class CreateMembers1764000000000 implements MigrationInterface {
  name = 'CreateMembers1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        gender text NOT NULL CHECK (gender IN ('MALE','FEMALE')),
        birth_date date NOT NULL,
        ethnicity text NOT NULL,
        education text,
        phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        id_number text UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        joined_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('PROBATIONARY','FULL')),
        probation_ends_on date,
        category text NOT NULL CHECK (category IN ('EMPLOYED','RETIRED','UNEMPLOYED','MIGRANT','STUDENT','OTHER')),
        organization_id uuid NOT NULL,
        work_unit_id uuid,
        residence_community_id uuid,
        skills text[] NOT NULL DEFAULT '{}',
        responsibility_area text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (joined_on >= birth_date + interval '18 years'),
        CHECK ((status = 'PROBATIONARY') = (probation_ends_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX member_organization_idx ON member (organization_id, status)`);
    await q.query(`CREATE INDEX member_name_idx ON member (name, id)`);
    await q.query(`CREATE INDEX member_community_idx ON member (residence_community_id, name, id)`);
    await q.query(`CREATE INDEX member_work_unit_idx ON member (work_unit_id)`);
    await q.query(`CREATE INDEX member_skills_idx ON member USING gin (skills)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member`);
  }
}
