import type { DataSource } from 'typeorm';
import { insertRows, isEmpty, type Logger } from '@cpb/kit';
import type { World } from '@cpb/demo-world';

/** Writes this service's slice of the demo district (the resource list); skips a non-empty database. */
export async function seedWorld(db: DataSource, world: World, logger: Logger): Promise<void> {
  if (!(await isEmpty(db.manager, 'resource'))) {
    logger.info('resources already has data; seed skipped');
    return;
  }
  const rows = [...world.resources()].map((r) => [r.id, r.providerId, r.communityId, r.kind, r.name, r.description, r.capacity, r.address]);
  await db.transaction((tx) => insertRows(tx, 'resource', ['id', 'provider_id', 'community_id', 'kind', 'name', 'description', 'capacity', 'address'], rows));
  logger.info({ resources: rows.length }, 'resources seeded');
}
