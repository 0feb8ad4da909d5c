import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox every service has (Debezium's layout: id, aggregate type and id, type,
 * payload), written in the same transaction as the change it describes. `seq` orders rows of one
 * aggregate; `published_at IS NULL` marks what the relay still has to send.
 */
export class CreateOutbox1764000000001 implements MigrationInterface {
  name = 'CreateOutbox1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
