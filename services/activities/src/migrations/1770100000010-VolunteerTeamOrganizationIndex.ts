import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `volunteerTeams(filter: { organizationId })` read every team: an index on the organisation, in the
 * list's order (name, then id), as the community filter has.
 */
export class VolunteerTeamOrganizationIndex1770100000010 implements MigrationInterface {
  name = 'VolunteerTeamOrganizationIndex1770100000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX volunteer_team_organization_idx ON volunteer_team (organization_id, name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX volunteer_team_organization_idx`);
  }
}
