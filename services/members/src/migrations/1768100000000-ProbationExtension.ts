import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extension of a probationary member's probation (延长预备期, issue 17): at most once (the member is the
 * key), by 6 to 12 months, decided before the year of probation ends; the member's probation_ends_on
 * moves to the new end in the same transaction.
 */
export class ProbationExtension1768100000000 implements MigrationInterface {
  name = 'ProbationExtension1768100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE probation_extension (
        member_id uuid PRIMARY KEY REFERENCES member(id),
        months int NOT NULL CHECK (months BETWEEN 6 AND 12),
        extended_on date NOT NULL,
        previous_ends_on date NOT NULL,
        probation_ends_on date NOT NULL,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (extended_on < previous_ends_on),
        CHECK (probation_ends_on > previous_ends_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE probation_extension`);
  }
}
