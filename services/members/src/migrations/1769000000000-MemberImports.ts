import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk imports of members (issue 18). An import is one row, recognised by its file's sha256
 * (importing the same file again creates nothing); each member it created is listed, so a later file
 * repeating an ID number an import already brought in skips that row instead of refusing it.
 */
export class MemberImports1769000000000 implements MigrationInterface {
  name = 'MemberImports1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_import (
        id uuid PRIMARY KEY,
        fingerprint text NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        actor_sub text NOT NULL,
        row_count int NOT NULL CHECK (row_count > 0),
        created_count int NOT NULL CHECK (created_count >= 0 AND created_count <= row_count),
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE member_import_row (
        member_id uuid PRIMARY KEY REFERENCES member (id),
        import_id uuid NOT NULL REFERENCES member_import (id),
        row_number int NOT NULL CHECK (row_number > 1)
      )`);
    await q.query(`CREATE INDEX member_import_row_import_idx ON member_import_row (import_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_import_row`);
    await q.query(`DROP TABLE member_import`);
  }
}
