import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal and expiry of co-building agreements (issue 17). A renewal is a new agreement continuing an
 * old one (`renews_id`, unique: an agreement is renewed once); the old one, renewed while in force,
 * becomes RENEWED, so the one-active-per-pair index still holds. Expiry is a scheduled step that finds
 * ACTIVE rows past valid_to through the partial index below.
 */
export class AgreementRenewal1768100000001 implements MigrationInterface {
  name = 'AgreementRenewal1768100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreement ADD COLUMN renews_id uuid CONSTRAINT agreement_renewed_once UNIQUE REFERENCES agreement(id)`);
    await q.query(`ALTER TABLE agreement DROP CONSTRAINT agreement_status_check`);
    await q.query(
      `ALTER TABLE agreement ADD CONSTRAINT agreement_status_check CHECK (status IN ('ACTIVE','EXPIRED','TERMINATED','RENEWED'))`,
    );
    await q.query(`CREATE INDEX agreement_active_valid_to_idx ON agreement (valid_to) WHERE status = 'ACTIVE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX agreement_active_valid_to_idx`);
    await q.query(`UPDATE agreement SET status = 'ACTIVE' WHERE status = 'RENEWED'`);
    await q.query(`ALTER TABLE agreement DROP CONSTRAINT agreement_status_check`);
    await q.query(`ALTER TABLE agreement ADD CONSTRAINT agreement_status_check CHECK (status IN ('ACTIVE','EXPIRED','TERMINATED'))`);
    await q.query(`ALTER TABLE agreement DROP COLUMN renews_id`);
  }
}
