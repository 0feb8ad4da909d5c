import type { DataSource } from 'typeorm';
import { keyset, type Page, type PagedRows, type SortKey, lazyTotals } from '@cpb/kit';
import type { Activity } from '../entities';
import type { ActivityFilter } from '../domain/activity-filter';
import { ACTIVITY_COLUMNS, toActivity } from './rows';

/** Sort key of activity lists: most recent start first, then id. */
export type ActivityKey = SortKey;

const latestFirst = keyset({ sort: 'a.starts_at', type: 'timestamptz', id: 'a.id', direction: 'DESC' });

/** The filter as SQL conditions on alias `a`, pushing its values onto `params`. */
function filterConditions(filter: ActivityFilter, params: unknown[]): string {
  const conditions: string[] = [];
  if (filter.kind) conditions.push(`a.kind = $${params.push(filter.kind)}`);
  if (filter.teamId) conditions.push(`a.team_id = $${params.push(filter.teamId)}::uuid`);
  if (filter.startsFrom) conditions.push(`a.starts_at >= $${params.push(filter.startsFrom)}`);
  if (filter.startsBefore) conditions.push(`a.starts_at < $${params.push(filter.startsBefore)}`);
  if (!filter.includeDrafts) conditions.push(`a.status <> 'DRAFT'`);
  // ONGOING is shown, not stored: it is PUBLISHED past the start (see activity-rules.ts).
  if (filter.status === 'ONGOING') conditions.push(`a.status = 'PUBLISHED' AND a.starts_at <= now()`);
  else if (filter.status === 'PUBLISHED') conditions.push(`a.status = 'PUBLISHED' AND a.starts_at > now()`);
  else if (filter.status) conditions.push(`a.status = $${params.push(filter.status)}`);
  return conditions.map((c) => ` AND ${c}`).join('');
}

export class ActivityRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[]): Promise<Activity[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${ACTIVITY_COLUMNS('a')} FROM activity a WHERE a.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return rows.map(toActivity);
  }

  /** A page of activities for each community: one LATERAL query using the (community, start) index, one count. */
  async communityPages(communityIds: readonly string[], filter: ActivityFilter, page: Page<ActivityKey>): Promise<PagedRows<Activity>> {
    const countParams: unknown[] = [[...communityIds]];
    const counts = lazyTotals(
      'community_id',
      () =>
        this.db.query(
          `SELECT a.community_id, count(*)::int AS n FROM activity a WHERE a.community_id = ANY($1::uuid[]) ${filterConditions(filter, countParams)} GROUP BY a.community_id`,
          countParams,
        ) as Promise<{ community_id: string; n: number }[]>,
    );
    const params: unknown[] = [[...communityIds], page.limit + 1];
    const where = filterConditions(filter, params);
    const after = latestFirst.after(page, params);
    const raw: Record<string, unknown>[] = await this.db.query(
      `SELECT p.* FROM unnest($1::uuid[]) AS c(id) CROSS JOIN LATERAL (
         SELECT ${ACTIVITY_COLUMNS('a')} FROM activity a WHERE a.community_id = c.id ${where}${after} ORDER BY ${latestFirst.orderBy} LIMIT $2) p`,
      params,
    );
    return { rows: raw.map(toActivity), totals: counts };
  }
}
