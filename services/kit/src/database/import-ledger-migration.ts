import type { QueryRunner } from 'typeorm';

/**
 * The tables of the kit's import ledger (spreadsheets/import-ledger.ts) for imports creating rows of
 * `entity`: `<entity>_import` (one row per file, unique by its sha256) and `<entity>_import_row` (each
 * row an import created, with its row number in the file). A service's migration calls this.
 */
export async function importLedgerTables(q: QueryRunner, entity: string): Promise<void> {
  await q.query(`
    CREATE TABLE ${entity}_import (
      id uuid PRIMARY KEY,
      fingerprint text NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
      actor_sub text NOT NULL,
      row_count int NOT NULL CHECK (row_count > 0),
      created_count int NOT NULL CHECK (created_count >= 0 AND created_count <= row_count),
      imported_at timestamptz NOT NULL DEFAULT now()
    )`);
  await q.query(`
    CREATE TABLE ${entity}_import_row (
      ${entity}_id uuid PRIMARY KEY REFERENCES ${entity} (id),
      import_id uuid NOT NULL REFERENCES ${entity}_import (id),
      row_number int NOT NULL CHECK (row_number > 1)
    )`);
  await q.query(`CREATE INDEX ${entity}_import_row_import_idx ON ${entity}_import_row (import_id)`);
}

export async function dropImportLedgerTables(q: QueryRunner, entity: string): Promise<void> {
  await q.query(`DROP TABLE ${entity}_import_row`);
  await q.query(`DROP TABLE ${entity}_import`);
}
