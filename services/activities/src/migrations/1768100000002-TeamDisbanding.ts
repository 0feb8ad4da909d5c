import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A volunteer team can be disbanded (issue 17): the day it was, on the team, which stays with its history
 * (memberships, activities, hours). New activities and members lock the team row and find it disbanded.
 */
export class TeamDisbanding1768100000002 implements MigrationInterface {
  name = 'TeamDisbanding1768100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE volunteer_team ADD COLUMN disbanded_on date, ADD CONSTRAINT volunteer_team_disbanded_after_founded CHECK (disbanded_on >= founded_on)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE volunteer_team DROP COLUMN disbanded_on`);
  }
}
