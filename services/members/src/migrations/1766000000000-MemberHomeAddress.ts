import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The member's home address: personal data, shown only to the member and the managers in scope. */
export class MemberHomeAddress1766000000000 implements MigrationInterface {
  name = 'MemberHomeAddress1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member ADD COLUMN home_address text CHECK (char_length(home_address) <= 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member DROP COLUMN home_address`);
  }
}
