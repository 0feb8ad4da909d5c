import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports name an organisation as users write it (所在党组织): resolving names reads by name. */
export class OrganizationNameIndex1769000000000 implements MigrationInterface {
  name = 'OrganizationNameIndex1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organization_name_idx ON organization (name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organization_name_idx`);
  }
}
