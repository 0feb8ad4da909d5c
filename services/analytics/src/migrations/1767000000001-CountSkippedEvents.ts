import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the consumer read but could not use, counted so nobody has to grep logs to learn that a
 * producer moved ahead of it: event types it does not know, properties its schemas do not declare,
 * and events lacking a field the read model needs. One counter per (reason, type, property).
 */
export class CountSkippedEvents1767000000001 implements MigrationInterface {
  name = 'CountSkippedEvents1767000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skipped_event (
        reason text NOT NULL CHECK (reason IN ('unknown-type', 'unknown-property', 'missing-fields')),
        event_type text NOT NULL,
        property text NOT NULL DEFAULT '',
        count bigint NOT NULL CHECK (count > 0),
        last_seen timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reason, event_type, property)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE skipped_event`);
  }
}
