import type { DataSource } from 'typeorm';
import type { ClosedPeriod, Period } from '../domain/period';

/** What a statistic is about: a community, the organisers in an organisation's subtree, or a team. */
export type StatsScopeKind = 'community' | 'organizer' | 'team';

/** One subject of statistics: its id, and the values of the scope's column it covers (an organisation's subtree; else itself). */
export interface StatsScope {
  id: string;
  ids: string[];
}

export interface VolunteerTotals {
  hours: number;
  participations: number;
  volunteers: number;
  activitiesHeld: number;
}
export const NO_VOLUNTEERING: VolunteerTotals = { hours: 0, participations: 0, volunteers: 0, activitiesHeld: 0 };

export interface VolunteerRank {
  memberId: string;
  hours: number;
  participations: number;
}

/** The column each scope is counted by, in service_hours and in activity alike (a fixed list: never caller input). */
const scopeColumn: Record<StatsScopeKind, string> = { community: 'community_id', organizer: 'organizer_id', team: 'team_id' };

/** Scopes as two parallel arrays (subject id, covered value), for `unnest`. */
function scopePairs(scopes: readonly StatsScope[]): [string[], string[]] {
  const pairs = scopes.flatMap((scope) => scope.ids.map((value) => [scope.id, value]));
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

const twoDecimals = (n: number) => Math.round(n * 100) / 100;

/**
 * Dashboard statistics, read from the credited-hours ledger (service_hours) by index-only range
 * scans of its (scope, served_at) covering indexes, for all subjects of a request in one query.
 */
export class StatsRepository {
  constructor(private readonly db: DataSource) {}

  async totals(kind: StatsScopeKind, scopes: readonly StatsScope[], period: ClosedPeriod): Promise<Map<StatsScope, VolunteerTotals>> {
    const column = scopeColumn[kind];
    const rows: { root: string; hours: number; participations: number; volunteers: number; held: number }[] = await this.db.query(
      // `= ANY($2)` on the indexed column makes each scan an index range scan; joining the pairs
      // alone would let the planner hash-join a sequential scan of the whole ledger.
      `WITH s AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS s(root, value)),
       credited AS (
         SELECT s.root, sum(h.hours)::float8 AS hours, count(*)::int AS participations, count(DISTINCT h.member_id)::int AS volunteers
           FROM service_hours h JOIN s ON s.value = h.${column}
          WHERE h.${column} = ANY($2::uuid[]) AND h.served_at >= $3 AND h.served_at < $4 GROUP BY s.root),
       held AS (
         SELECT s.root, count(*)::int AS held
           FROM activity a JOIN s ON s.value = a.${column}
          WHERE a.${column} = ANY($2::uuid[]) AND a.starts_at >= $3 AND a.starts_at < $4 AND a.status = 'COMPLETED' GROUP BY s.root)
       SELECT r.root, coalesce(c.hours, 0) AS hours, coalesce(c.participations, 0) AS participations, coalesce(c.volunteers, 0) AS volunteers, coalesce(h.held, 0) AS held
         FROM (SELECT DISTINCT root FROM s) r LEFT JOIN credited c ON c.root = r.root LEFT JOIN held h ON h.root = r.root`,
      [...scopePairs(scopes), period.start, period.end],
    );
    const byRoot = new Map(
      rows.map((r) => [
        r.root,
        { hours: twoDecimals(r.hours), participations: r.participations, volunteers: r.volunteers, activitiesHeld: r.held },
      ]),
    );
    return new Map(scopes.map((scope) => [scope, byRoot.get(scope.id) ?? NO_VOLUNTEERING]));
  }

  /** The `limit` members with most hours per subject (ties: more participations, then id), in one query. */
  async topVolunteers(
    kind: StatsScopeKind,
    scopes: readonly StatsScope[],
    period: ClosedPeriod,
    limit: number,
  ): Promise<Map<StatsScope, VolunteerRank[]>> {
    const column = scopeColumn[kind];
    const rows: { root: string; member_id: string; hours: number; participations: number }[] = await this.db.query(
      `SELECT root, member_id, hours, participations FROM (
         SELECT s.root, h.member_id, sum(h.hours)::float8 AS hours, count(*)::int AS participations,
                row_number() OVER (PARTITION BY s.root ORDER BY sum(h.hours) DESC, count(*) DESC, h.member_id) AS rank
           FROM service_hours h JOIN unnest($1::uuid[], $2::uuid[]) AS s(root, value) ON s.value = h.${column}
          WHERE h.${column} = ANY($2::uuid[]) AND h.served_at >= $3 AND h.served_at < $4
          GROUP BY s.root, h.member_id) ranked
        WHERE rank <= $5 ORDER BY root, rank`,
      [...scopePairs(scopes), period.start, period.end, limit],
    );
    const byRoot = new Map<string, VolunteerRank[]>();
    for (const r of rows) {
      const list = byRoot.get(r.root) ?? [];
      list.push({ memberId: r.member_id, hours: twoDecimals(r.hours), participations: r.participations });
      byRoot.set(r.root, list);
    }
    return new Map(scopes.map((scope) => [scope, byRoot.get(scope.id) ?? []]));
  }

  /** Credited hours per member over a period whose ends may be open. */
  async memberHours(memberIds: readonly string[], period: Period): Promise<Map<string, number>> {
    const rows: { member_id: string; hours: number }[] = await this.db.query(
      `SELECT member_id, sum(hours)::float8 AS hours FROM service_hours
        WHERE member_id = ANY($1::uuid[]) AND served_at >= $2::timestamptz AND served_at < $3::timestamptz GROUP BY member_id`,
      [[...memberIds], period.start ?? '-infinity', period.end ?? 'infinity'],
    );
    return new Map(rows.map((r) => [r.member_id, twoDecimals(r.hours)]));
  }
}
