import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropImportLedgerTables, importLedgerTables } from '@cpb/kit';

/** Imports of resident units (issue 18): the kit's import ledger (one row per file, each unit it created). */
export class ResidentUnitImports1770000000000 implements MigrationInterface {
  name = 'ResidentUnitImports1770000000000';

  async up(q: QueryRunner): Promise<void> {
    await importLedgerTables(q, 'resident_unit');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropImportLedgerTables(q, 'resident_unit');
  }
}
