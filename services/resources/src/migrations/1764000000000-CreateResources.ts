import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The resource list (资源清单): what resident units offer their community. */
export class CreateResources1764000000000 implements MigrationInterface {
  name = 'CreateResources1764000000000';

  async up(q: QueryRunner): Promise<void> {
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
        status text NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE','WITHDRAWN')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resource_provider_idx ON resource (provider_id, name)`);
    await q.query(`CREATE INDEX resource_community_idx ON resource (community_id, kind, name, id)`);
    await q.query(`CREATE INDEX resource_name_idx ON resource (name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource`);
  }
}
