import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropImportLedgerTables, importLedgerTables } from '@cpb/kit';

/** Imports of volunteer team memberships (issue 18): the kit's import ledger (one row per file, each membership it created). */
export class TeamMembershipImports1770000000001 implements MigrationInterface {
  name = 'TeamMembershipImports1770000000001';

  async up(q: QueryRunner): Promise<void> {
    await importLedgerTables(q, 'team_membership');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropImportLedgerTables(q, 'team_membership');
  }
}
