import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dissolving in two steps (docs/decisions/0010): an organisation is CLOSING while the members
 * service confirms it is empty. A closing organisation still counts as the community's (or street's)
 * one organisation: the dissolve may yet revert to ACTIVE.
 */
export class OrganizationClosing1767100000000 implements MigrationInterface {
  name = 'OrganizationClosing1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization DROP CONSTRAINT organization_status_check`);
    await q.query(`ALTER TABLE organization ADD CONSTRAINT organization_status_check CHECK (status IN ('ACTIVE','CLOSING','DISSOLVED'))`);
    // When the dissolve began: ops see one that was interrupted (npm run reconcile) and retry it.
    await q.query(`ALTER TABLE organization ADD COLUMN closing_since timestamptz`);
    await q.query(
      `ALTER TABLE organization ADD CONSTRAINT organization_closing_since CHECK ((status = 'CLOSING') = (closing_since IS NOT NULL))`,
    );
    await q.query(`DROP INDEX organization_one_committee_per_street_idx`);
    await q.query(
      `CREATE UNIQUE INDEX organization_one_committee_per_street_idx ON organization (street_id) WHERE status IN ('ACTIVE','CLOSING')`,
    );
    await q.query(`DROP INDEX organization_one_per_community_idx`);
    await q.query(
      `CREATE UNIQUE INDEX organization_one_per_community_idx ON organization (community_id) WHERE community_root AND status IN ('ACTIVE','CLOSING')`,
    );
    await q.query(`CREATE INDEX organization_closing_idx ON organization (closing_since) WHERE status = 'CLOSING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE organization SET status = 'ACTIVE' WHERE status = 'CLOSING'`);
    await q.query(`DROP INDEX organization_closing_idx`);
    await q.query(`DROP INDEX organization_one_per_community_idx`);
    await q.query(
      `CREATE UNIQUE INDEX organization_one_per_community_idx ON organization (community_id) WHERE community_root AND status = 'ACTIVE'`,
    );
    await q.query(`DROP INDEX organization_one_committee_per_street_idx`);
    await q.query(`CREATE UNIQUE INDEX organization_one_committee_per_street_idx ON organization (street_id) WHERE status = 'ACTIVE'`);
    await q.query(`ALTER TABLE organization DROP CONSTRAINT organization_closing_since`);
    await q.query(`ALTER TABLE organization DROP COLUMN closing_since`);
    await q.query(`ALTER TABLE organization DROP CONSTRAINT organization_status_check`);
    await q.query(`ALTER TABLE organization ADD CONSTRAINT organization_status_check CHECK (status IN ('ACTIVE','DISSOLVED'))`);
  }
}
