import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trigram index for `nameContains` (name LIKE '%…%'). Measured on 300,000 members: a fragment of
 * three or more characters (a whole Chinese name) drops from a ~60 ms scan to ~2 ms; one or two
 * characters give no trigram, so those still scan. pg_trgm ships with every Postgres server;
 * embedded PGlite has it only when the kit loads its contrib bundle, and without it the index is
 * skipped (LIKE still answers, by scanning).
 */
export class MemberNameSearch1765000000001 implements MigrationInterface {
  name = 'MemberNameSearch1765000000001';

  async up(q: QueryRunner): Promise<void> {
    const [{ available }]: { available: boolean }[] = await q.query(
      `SELECT count(*) > 0 AS available FROM pg_available_extensions WHERE name = 'pg_trgm'`,
    );
    if (!available) return;
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX member_name_trgm_idx ON member USING gin (name gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS member_name_trgm_idx`);
  }
}
