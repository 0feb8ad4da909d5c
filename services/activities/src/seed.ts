import type { DataSource } from 'typeorm';
import { insertRows, isEmpty, type Logger } from '@cpb/kit';
import type { World } from '@cpb/demo-world';

/** Writes this service's slice of the demo district (activities and participations); skips a non-empty database. */
export async function seedWorld(db: DataSource, world: World, logger: Logger): Promise<void> {
  if (!(await isEmpty(db.manager, 'activity'))) {
    logger.info('activities already has data; seed skipped');
    return;
  }
  await db.transaction(async (tx) => {
    const activities = [...world.activities()];
    const columns = ['id', 'title', 'kind', 'status', 'organizer_id', 'community_id', 'starts_at', 'ends_at', 'capacity'];
    await insertRows(tx, 'activity', columns, activities.map((a) => [a.id, a.title, a.kind, a.status, a.organizerId, a.communityId, a.startsAt, a.endsAt, a.capacity]));
    for (const chunk of world.participationChunks()) {
      const rows = chunk.map((p) => [p.id, p.activityId, p.memberId, 'ATTENDED', p.hours]);
      await insertRows(tx, 'participation', ['id', 'activity_id', 'member_id', 'status', 'hours'], rows, 'ON CONFLICT DO NOTHING');
    }
    // Counts follow from the rows just written, so they can never disagree with them.
    await tx.query(`UPDATE activity a SET signed_up_count = c.n FROM (SELECT activity_id, count(*)::int AS n FROM participation GROUP BY activity_id) c WHERE a.id = c.activity_id`);
  });
  logger.info({ activities: world.shape.activitiesPerCommunity * world.shape.communities }, 'activities seeded');
}
