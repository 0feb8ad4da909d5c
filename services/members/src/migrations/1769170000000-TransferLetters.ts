import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The introduction letter (介绍信) a transfer carries from its approval: where it sends the member
 * (within the city: 10 days; outside: 30; at most 3 months), the last day it is valid, and the
 * EXPIRED status of an approved transfer nobody completed by then; the receipt (回执) once it returns.
 * Transfers approved before this migration get the within-the-city letter from their decision day.
 */
export class TransferLetters1769170000000 implements MigrationInterface {
  name = 'TransferLetters1769170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE transfer
        ADD COLUMN letter_reach text CHECK (letter_reach IN ('WITHIN_CITY', 'OUTSIDE_CITY')),
        ADD COLUMN letter_issued_on date,
        ADD COLUMN letter_valid_until date,
        ADD COLUMN expired_on date,
        ADD COLUMN receipt_returned_on date`);
    await q.query(`
      UPDATE transfer SET letter_reach = 'WITHIN_CITY', letter_issued_on = decided_on, letter_valid_until = decided_on + 10
       WHERE status IN ('APPROVED', 'COMPLETED')`);
    await q.query(`ALTER TABLE transfer DROP CONSTRAINT transfer_status_check`);
    await q.query(`
      ALTER TABLE transfer
        ADD CONSTRAINT transfer_status_check CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'EXPIRED')),
        ADD CONSTRAINT transfer_letter_check CHECK (
          (status IN ('APPROVED', 'COMPLETED', 'EXPIRED')) = (letter_valid_until IS NOT NULL)
          AND (letter_valid_until IS NULL OR (letter_reach IS NOT NULL AND letter_issued_on IS NOT NULL
               AND letter_valid_until > letter_issued_on AND letter_valid_until <= letter_issued_on + interval '3 months'))),
        ADD CONSTRAINT transfer_expired_check CHECK ((status = 'EXPIRED') = (expired_on IS NOT NULL) AND (expired_on IS NULL OR expired_on > letter_valid_until)),
        ADD CONSTRAINT transfer_receipt_check CHECK (receipt_returned_on IS NULL OR (status = 'COMPLETED' AND receipt_returned_on >= completed_on))`);
    // The expiry step and the to-do list find approved transfers by the letter's last day.
    await q.query(`CREATE INDEX transfer_letter_lapse_idx ON transfer (letter_valid_until, id) WHERE status = 'APPROVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX transfer_letter_lapse_idx`);
    await q.query(
      `ALTER TABLE transfer DROP CONSTRAINT transfer_receipt_check, DROP CONSTRAINT transfer_expired_check, DROP CONSTRAINT transfer_letter_check, DROP CONSTRAINT transfer_status_check`,
    );
    await q.query(
      `ALTER TABLE transfer ADD CONSTRAINT transfer_status_check CHECK (status IN ('REQUESTED','APPROVED','REJECTED','COMPLETED'))`,
    );
    await q.query(
      `ALTER TABLE transfer DROP COLUMN letter_reach, DROP COLUMN letter_issued_on, DROP COLUMN letter_valid_until, DROP COLUMN expired_on, DROP COLUMN receipt_returned_on`,
    );
  }
}
