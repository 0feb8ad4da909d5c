import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Co-building agreements (共建协议) and commitments, needs (需求清单), projects (项目清单), joint meetings (联席会议). */
export class CreateCoBuilding1764000000002 implements MigrationInterface {
  name = 'CreateCoBuilding1764000000002';

  async up(q: QueryRunner): Promise<void> {
    // Community, unit, organisation and member ids belong to other services: no foreign keys to them.
    await q.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY,
        community_id uuid NOT NULL,
        community_organization_id uuid NOT NULL,
        partner_unit_id uuid NOT NULL,
        partner_organization_id uuid,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        signed_on date NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        -- ACTIVE rows whose valid_to has passed read as EXPIRED and are marked so when the pair signs again.
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','EXPIRED','TERMINATED')),
        community_liaison_id uuid NOT NULL,
        unit_liaison_id uuid NOT NULL,
        terminated_on date,
        termination_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to > valid_from),
        CHECK ((status = 'TERMINATED') = (terminated_on IS NOT NULL))
      )`);
    // At most one active agreement per community-unit pair (结对共建), even under concurrent signing.
    await q.query(
      `CREATE UNIQUE INDEX agreement_one_active_per_pair_idx ON agreement (community_id, partner_unit_id) WHERE status = 'ACTIVE'`,
    );
    await q.query(`CREATE INDEX agreement_community_idx ON agreement (community_id, signed_on DESC, id DESC)`);
    await q.query(`CREATE INDEX agreement_unit_idx ON agreement (partner_unit_id, signed_on DESC, id DESC)`);
    await q.query(`CREATE INDEX agreement_community_org_idx ON agreement (community_organization_id)`);
    await q.query(`CREATE INDEX agreement_partner_org_idx ON agreement (partner_organization_id)`);
    await q.query(`CREATE INDEX agreement_signed_idx ON agreement (signed_on DESC, id DESC)`);
    await q.query(`
      CREATE TABLE commitment (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        side text NOT NULL CHECK (side IN ('COMMUNITY','UNIT')),
        position int NOT NULL,
        item text NOT NULL CHECK (char_length(item) BETWEEN 1 AND 200),
        due_by date NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','IN_PROGRESS','DONE')),
        completed_on date,
        CHECK ((status = 'DONE') = (completed_on IS NOT NULL)),
        UNIQUE (agreement_id, position)
      )`);
    await q.query(`
      CREATE TABLE commitment_note (
        id uuid PRIMARY KEY,
        commitment_id uuid NOT NULL REFERENCES commitment(id),
        status text NOT NULL CHECK (status IN ('IN_PROGRESS','DONE')),
        note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 500),
        recorded_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX commitment_note_commitment_idx ON commitment_note (commitment_id, recorded_at)`);
    await q.query(`
      CREATE TABLE need (
        id uuid PRIMARY KEY,
        community_id uuid NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        category text NOT NULL CHECK (category IN ('ELDERLY_CARE','CHILDREN_YOUTH','EMPLOYMENT','HEALTH','LEGAL_AID','ENVIRONMENT','CULTURE_EDUCATION','SAFETY','HARDSHIP_ASSISTANCE','OTHER')),
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','MATCHED','RESOLVED')),
        raised_on date NOT NULL,
        resolved_on date,
        CHECK ((status = 'RESOLVED') = (resolved_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX need_community_idx ON need (community_id, raised_on DESC, id DESC)`);
    await q.query(`CREATE INDEX need_raised_idx ON need (raised_on DESC, id DESC)`);
    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY,
        need_id uuid NOT NULL REFERENCES need(id),
        community_id uuid NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        partner_unit_ids uuid[] NOT NULL CHECK (cardinality(partner_unit_ids) >= 1),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','ACTIVE','COMPLETED')),
        planned_on date NOT NULL,
        started_on date,
        completed_on date,
        outcome text,
        CHECK ((status = 'PLANNED') = (started_on IS NULL)),
        CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX project_need_idx ON project (need_id)`);
    await q.query(`CREATE INDEX project_community_idx ON project (community_id, status)`);
    await q.query(`CREATE INDEX project_planned_idx ON project (planned_on DESC, id DESC)`);
    // Resources are this service's own: a project names them with real foreign keys.
    await q.query(`
      CREATE TABLE project_resource (
        project_id uuid NOT NULL REFERENCES project(id),
        resource_id uuid NOT NULL REFERENCES resource(id),
        PRIMARY KEY (project_id, resource_id)
      )`);
    await q.query(`CREATE INDEX project_resource_resource_idx ON project_resource (resource_id)`);
    await q.query(`
      CREATE TABLE joint_meeting (
        id uuid PRIMARY KEY,
        convener_id uuid NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        held_on date NOT NULL,
        attending_unit_ids uuid[] NOT NULL CHECK (cardinality(attending_unit_ids) >= 1),
        resolutions text[] NOT NULL DEFAULT '{}',
        -- [{item, leadUnitId, dueBy}]: the year's plan agreed at the meeting (计划共商), read whole.
        plan_items jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(plan_items) = 'array')
      )`);
    await q.query(`CREATE INDEX joint_meeting_convener_idx ON joint_meeting (convener_id, held_on DESC, id DESC)`);
    await q.query(`CREATE INDEX joint_meeting_held_idx ON joint_meeting (held_on DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE joint_meeting, project_resource, project, need, commitment_note, commitment, agreement`);
  }
}
