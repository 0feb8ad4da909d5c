import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Streets, communities, grids, resident units and the organisation tree (materialised path). */
export class CreateStructure1764000000000 implements MigrationInterface {
  name = 'CreateStructure1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE street (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        district text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (district, name)
      )`);
    await q.query(`
      CREATE TABLE community (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        street_id uuid NOT NULL REFERENCES street(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (street_id, name)
      )`);
    await q.query(`CREATE INDEX community_street_name_idx ON community (street_id, name, id)`);
    await q.query(`CREATE INDEX community_name_idx ON community (name, id)`);
    await q.query(`
      CREATE TABLE grid (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES community(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        UNIQUE (community_id, name)
      )`);
    await q.query(`
      CREATE TABLE resident_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES community(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        category text NOT NULL CHECK (category IN ('GOVERNMENT_AGENCY','PUBLIC_INSTITUTION','STATE_ENTERPRISE','NON_PUBLIC_ENTERPRISE','SOCIAL_ORGANIZATION')),
        organization_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resident_unit_community_idx ON resident_unit (community_id, name)`);
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('WORKING_COMMITTEE','COMMITTEE','GENERAL_BRANCH','BRANCH','PARTY_GROUP')),
        scope text NOT NULL CHECK (scope IN ('STREET','COMMUNITY','RESIDENT_UNIT','NON_PUBLIC_ENTERPRISE','SOCIAL_ORGANIZATION','JOINT','MIGRANT','LAID_OFF')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISSOLVED')),
        parent_id uuid REFERENCES organization(id),
        -- '/root-id/.../own-id/' in C collation: a subtree is one index range scan
        -- (path >= root.path AND path < root.path || '~'), not recursion per row.
        path text COLLATE "C" NOT NULL UNIQUE,
        -- Set on a street's working committee only.
        street_id uuid REFERENCES street(id),
        community_id uuid REFERENCES community(id),
        resident_unit_id uuid REFERENCES resident_unit(id),
        -- The community's own organisation (directly under the street), as opposed to its branches.
        community_root boolean NOT NULL DEFAULT false,
        established_on date NOT NULL,
        dissolved_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NOT NULL OR kind = 'WORKING_COMMITTEE'),
        CHECK (parent_id IS DISTINCT FROM id),
        CHECK ((kind = 'WORKING_COMMITTEE') = (street_id IS NOT NULL)),
        CHECK (NOT community_root OR (scope = 'COMMUNITY' AND community_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX organization_parent_idx ON organization (parent_id, name)`);
    await q.query(`CREATE INDEX organization_community_idx ON organization (community_id)`);
    await q.query(`CREATE UNIQUE INDEX organization_one_committee_per_street_idx ON organization (street_id) WHERE status = 'ACTIVE'`);
    // 一社区一组织: at most one active community-scope organisation at the top of each community.
    await q.query(`
      CREATE UNIQUE INDEX organization_one_per_community_idx ON organization (community_id)
      WHERE community_root AND status = 'ACTIVE'`);
    await q.query(
      `ALTER TABLE resident_unit ADD CONSTRAINT resident_unit_organization_fk FOREIGN KEY (organization_id) REFERENCES organization(id)`,
    );
    await q.query(`CREATE UNIQUE INDEX resident_unit_organization_idx ON resident_unit (organization_id)`);
    // 党建指导员: one current instructor per unit; member ids live in the members service.
    await q.query(`
      CREATE TABLE instructor_assignment (
        id uuid PRIMARY KEY,
        resident_unit_id uuid NOT NULL REFERENCES resident_unit(id),
        member_id uuid NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX instructor_current_idx ON instructor_assignment (resident_unit_id) WHERE ends_on IS NULL`);
    await q.query(`CREATE INDEX instructor_member_idx ON instructor_assignment (member_id)`);
    // Leadership (班子): one current secretary per organisation is a partial unique index.
    await q.query(`
      CREATE TABLE position (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization(id),
        member_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('SECRETARY','DEPUTY_SECRETARY','FULL_TIME_DEPUTY_SECRETARY','COMMITTEE_MEMBER','PART_TIME_COMMITTEE_MEMBER')),
        from_unit_id uuid REFERENCES resident_unit(id),
        also_chairs_residents_committee boolean NOT NULL DEFAULT false,
        starts_on date NOT NULL,
        ends_on date,
        CHECK ((role = 'PART_TIME_COMMITTEE_MEMBER') = (from_unit_id IS NOT NULL)),
        CHECK (NOT also_chairs_residents_committee OR role = 'SECRETARY'),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX position_one_secretary_idx ON position (organization_id) WHERE role = 'SECRETARY' AND ends_on IS NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX position_member_role_idx ON position (organization_id, member_id, role) WHERE ends_on IS NULL`);
    await q.query(`CREATE INDEX position_organization_idx ON position (organization_id, ends_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE position, instructor_assignment, resident_unit, organization, grid, community, street CASCADE`);
  }
}
