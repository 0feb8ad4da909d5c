import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * W3C trace context of the change that wrote each event (NULL when it was not traced), so the relay's
 * publish span and every consumer's span join the trace of the mutation that caused the event.
 */
export class AddOutboxTraceContext1767000000014 implements MigrationInterface {
  name = 'AddOutboxTraceContext1767000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN traceparent, DROP COLUMN tracestate`);
  }
}
