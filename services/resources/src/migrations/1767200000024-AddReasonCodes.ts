import type { MigrationInterface, QueryRunner } from 'typeorm';

// The categories as they were when this landed (entities/ carry the current lists; a new one needs a migration).
const BOOKING_CANCELLATION_REASONS = ['ACTIVITY_CANCELLED', 'RESCHEDULED', 'VENUE_UNAVAILABLE', 'NO_LONGER_NEEDED', 'OTHER'] as const;
const AGREEMENT_TERMINATION_REASONS = [
  'UNIT_RELOCATED',
  'UNIT_CLOSED',
  'ORGANIZATION_RESTRUCTURED',
  'COMMITMENTS_NOT_MET',
  'MUTUAL_CONSENT',
  'SUPERSEDED',
  'OTHER',
] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/**
 * A reason category beside each cancellation and termination reason (issue 24): events carry the
 * category, the text stays here. Rows cancelled or terminated before get OTHER (ACTIVITY_CANCELLED for
 * bookings the system released with its fixed reason), so every cancelled or terminated row has one.
 */
export class AddReasonCodes1767200000024 implements MigrationInterface {
  name = 'AddReasonCodes1767200000024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE booking ADD COLUMN cancellation_reason_code text CHECK (cancellation_reason_code IN (${list(BOOKING_CANCELLATION_REASONS)}))`,
    );
    await q.query(
      `UPDATE booking SET cancellation_reason_code = CASE WHEN cancellation_reason = 'The activity was cancelled' THEN 'ACTIVITY_CANCELLED' ELSE 'OTHER' END WHERE status = 'CANCELLED'`,
    );
    await q.query(
      `ALTER TABLE booking ADD CONSTRAINT booking_cancellation_reason_code_when_cancelled CHECK ((status = 'CANCELLED') = (cancellation_reason_code IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE agreement ADD COLUMN termination_reason_code text CHECK (termination_reason_code IN (${list(AGREEMENT_TERMINATION_REASONS)}))`,
    );
    await q.query(`UPDATE agreement SET termination_reason_code = 'OTHER' WHERE status = 'TERMINATED'`);
    await q.query(
      `ALTER TABLE agreement ADD CONSTRAINT agreement_termination_reason_code_when_terminated CHECK ((status = 'TERMINATED') = (termination_reason_code IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreement DROP COLUMN termination_reason_code`);
    await q.query(`ALTER TABLE booking DROP COLUMN cancellation_reason_code`);
  }
}
