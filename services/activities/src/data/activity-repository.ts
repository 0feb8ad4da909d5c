import { In, type DataSource } from 'typeorm';
import type { Page, PagedRows } from '@cpb/kit';
import { ActivityEntity, type Activity } from '../entities';

/** Sort key of activity lists: most recent start first, then id. */
export type ActivityKey = [string, string];

export class ActivityRepository {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<Activity[]> {
    return this.db.getRepository(ActivityEntity).findBy({ id: In([...ids]) });
  }

  /** A page of activities for each community: one LATERAL query using the (community, start) index, one count. */
  async communityPages(communityIds: readonly string[], page: Page<ActivityKey>): Promise<PagedRows<Activity>> {
    const params: unknown[] = [[...communityIds], page.limit + 1];
    const after = page.after ? `AND (a.starts_at, a.id) < ($${params.push(page.after[0])}::timestamptz, $${params.push(page.after[1])}::uuid)` : '';
    const raw: Record<string, unknown>[] = await this.db.query(
      `SELECT p.* FROM unnest($1::uuid[]) AS c(id) CROSS JOIN LATERAL (
         SELECT a.* FROM activity a WHERE a.community_id = c.id ${after} ORDER BY a.starts_at DESC, a.id DESC LIMIT $2) p`,
      params,
    );
    const counts: { community_id: string; n: number }[] = await this.db.query(
      `SELECT community_id, count(*)::int AS n FROM activity WHERE community_id = ANY($1::uuid[]) GROUP BY community_id`,
      [[...communityIds]],
    );
    return { rows: raw.map(toActivity), totals: new Map(counts.map((c) => [c.community_id, c.n])) };
  }
}

function toActivity(row: Record<string, unknown>): Activity {
  return {
    id: row.id as string,
    title: row.title as string,
    kind: row.kind as string,
    status: row.status as string,
    organizerId: row.organizer_id as string,
    communityId: row.community_id as string,
    startsAt: row.starts_at as Date,
    endsAt: row.ends_at as Date,
    capacity: row.capacity as number,
    signedUpCount: row.signed_up_count as number,
  };
}
