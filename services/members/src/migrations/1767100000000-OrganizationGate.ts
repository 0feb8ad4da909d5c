import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The members side of dissolving an organisation (docs/decisions/0010): one gate row per
 * organisation that ever received a member here. Every write that places a member into an
 * organisation holds its row FOR SHARE and refuses when it is closed; closing holds it FOR UPDATE,
 * counts the members and closes only an empty organisation, so the two never both commit.
 */
export class OrganizationGate1767100000000 implements MigrationInterface {
  name = 'OrganizationGate1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_gate (
        organization_id uuid PRIMARY KEY,
        -- Null while the organisation may receive members; set once, for good, when it closes.
        closed_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_gate`);
  }
}
