import type { DataSource } from 'typeorm';
import { insertRows, isEmpty, type Logger } from '@cpb/kit';
import type { World } from '@cpb/demo-world';

const PROBATION_DAYS = 365;

/** Writes this service's slice of the demo district (its members); skips a non-empty database. */
export async function seedWorld(db: DataSource, world: World, logger: Logger): Promise<void> {
  if (!(await isEmpty(db.manager, 'member'))) {
    logger.info('members already has data; seed skipped');
    return;
  }
  const columns = ['id', 'name', 'gender', 'birth_date', 'ethnicity', 'education', 'phone', 'id_number', 'joined_on', 'status', 'probation_ends_on', 'category', 'organization_id', 'work_unit_id', 'residence_community_id', 'skills', 'responsibility_area'];
  await db.transaction(async (tx) => {
    for (const chunk of world.memberChunks()) {
      const rows = chunk.map((m) => {
        const probationEnds = m.status === 'PROBATIONARY' ? new Date(Date.parse(m.joinedOn) + PROBATION_DAYS * 86_400_000).toISOString().slice(0, 10) : null;
        return [m.id, m.name, m.gender, m.birthDate, m.ethnicity, m.education, m.phone, m.idNumber, m.joinedOn, m.status, probationEnds, m.category, m.organizationId, m.workUnitId, m.residenceCommunityId, m.skills, m.responsibilityArea];
      });
      await insertRows(tx, 'member', columns, rows);
    }
  });
  logger.info({ members: world.shape.members }, 'members seeded');
}
