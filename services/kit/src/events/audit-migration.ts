import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who changed what, when: one row per domain event a mutation emits, in the same transaction. */
export class CreateAuditLog1764000000003 implements MigrationInterface {
  name = 'CreateAuditLog1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        actor_sub text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        event_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
