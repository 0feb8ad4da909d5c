import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events a consumer has already applied. The relay delivers at least once, so a consumer
 * inserts (source, id) in the same transaction as the event's effect: a redelivery hits the primary
 * key and is skipped, which makes each effect happen once per event id (CloudEvents: same source +
 * id = same event). `type` and `processed_at` are there for whoever has to debug a read model.
 */
export class CreateProcessedEvents1766000000000 implements MigrationInterface {
  name = 'CreateProcessedEvents1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE processed_event (
        source text NOT NULL,
        id text NOT NULL,
        type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE processed_event`);
  }
}
