import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district's rhythm of organisational life: one row per meeting type, how many months may pass
 * between meetings of it (docs/decisions/0018). Seeded with the regulations' defaults; the district
 * administrator changes a row with `setMeetingRhythm`. A rhythm divides the year (1, 2, 3, 4, 6 or 12
 * months) so its windows stay calendar months, quarters, halves and years.
 */
export class MeetingRhythms1769000000000 implements MigrationInterface {
  name = 'MeetingRhythms1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_rhythm (
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        type text PRIMARY KEY CHECK (type IN ('MEMBERS_MEETING','COMMITTEE_MEETING','PARTY_GROUP_MEETING','PARTY_LESSON','THEMED_PARTY_DAY','ORGANIZATIONAL_LIFE_MEETING','DEMOCRATIC_APPRAISAL')),
        every_months int NOT NULL CHECK (every_months IN (1, 2, 3, 4, 6, 12)),
        changed_by text,
        changed_at timestamptz
      )`);
    await q.query(`
      INSERT INTO meeting_rhythm (type, every_months) VALUES
        ('MEMBERS_MEETING', 3), ('COMMITTEE_MEETING', 1), ('PARTY_GROUP_MEETING', 1), ('PARTY_LESSON', 3),
        ('THEMED_PARTY_DAY', 1), ('ORGANIZATIONAL_LIFE_MEETING', 12), ('DEMOCRATIC_APPRAISAL', 12)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_rhythm`);
  }
}
