import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members per community (where they live, as the census counts them): one row per member with the
 * community of its latest event, so a move is a change of row, never a counter that could drift.
 */
export class CountMembersWhereTheyLive1768000000001 implements MigrationInterface {
  name = 'CountMembersWhereTheyLive1768000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_residence (
        member_id uuid PRIMARY KEY,
        community_id uuid REFERENCES community
      )`);
    await q.query(`CREATE INDEX member_residence_community_idx ON member_residence (community_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_residence`);
  }
}
