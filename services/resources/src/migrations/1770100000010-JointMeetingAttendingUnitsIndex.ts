import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `jointMeetings(filter: { attendingUnitId })` read every meeting (`$1 = ANY(attending_unit_ids)` uses no
 * index): a GIN index on the attendees, which the list now asks with `attending_unit_ids @> ARRAY[$1]`.
 */
export class JointMeetingAttendingUnitsIndex1770100000010 implements MigrationInterface {
  name = 'JointMeetingAttendingUnitsIndex1770100000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX joint_meeting_attending_units_idx ON joint_meeting USING gin (attending_unit_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX joint_meeting_attending_units_idx`);
  }
}
