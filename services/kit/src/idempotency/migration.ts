import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The idempotency keys a service has seen (docs/reliability.md): one row per key, mutation field
 * (by its response name, so one key serves an operation with several mutations) and transaction of
 * that mutation (`step`: a mutation that is two use cases in a row, like dissolveOrganization, records
 * each). Written in the same transaction as the change; the primary key is what makes a second copy
 * wait for the first and then find its result. `fingerprint` is a hash of field, arguments and actor:
 * the same key with anything else is refused. `expires_at` is when the key may be used afresh.
 */
export class CreateIdempotencyKeys1768000000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        key text NOT NULL,
        scope text NOT NULL,
        step int NOT NULL,
        fingerprint text NOT NULL,
        result bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (key, scope, step)
      )`);
    await q.query(`CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
