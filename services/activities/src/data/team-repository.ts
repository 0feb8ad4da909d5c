import type { DataSource } from 'typeorm';
import { keyset, type Page, type PagedRows, type SortKey, type LazyCount, lazyCount, lazyTotals } from '@cpb/kit';
import type { Skill, TeamMembership, VolunteerTeam } from '../entities';
import { MEMBERSHIP_COLUMNS, TEAM_COLUMNS, toMembership, toTeam } from './rows';

export interface TeamFilter {
  organizationId: string | null;
  communityId: string | null;
  specialty: Skill | null;
}

/** Sort key of team lists: by name, then id. */
export type TeamKey = SortKey;
/** Sort key of a team's memberships: by join date, then id. */
export type MembershipKey = SortKey;

const teamsByName = keyset({ sort: 't.name', type: 'text', id: 't.id' });
const membershipsByJoining = keyset({ sort: 'm.joined_on', type: 'date', id: 'm.id' });

/** A team listed under one of its current members. */
export type MemberTeam = VolunteerTeam & { memberId: string };

export class TeamRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[]): Promise<VolunteerTeam[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${TEAM_COLUMNS('t')} FROM volunteer_team t WHERE t.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return rows.map(toTeam);
  }

  /** One page of teams matching the filter, `limit + 1` rows after the cursor, plus the total. */
  async page(filter: TeamFilter, page: Page<TeamKey>): Promise<{ rows: VolunteerTeam[]; total: LazyCount }> {
    const params: unknown[] = [];
    const conditions = ['true'];
    if (filter.organizationId) conditions.push(`t.organization_id = $${params.push(filter.organizationId)}::uuid`);
    if (filter.communityId) conditions.push(`t.community_id = $${params.push(filter.communityId)}::uuid`);
    if (filter.specialty) conditions.push(`t.specialty = $${params.push(filter.specialty)}`);
    const where = conditions.join(' AND ');
    // Counted on the filter's parameters alone, before the cursor's are appended, and only if asked.
    const counted = [...params];
    const total = lazyCount(
      async () =>
        ((await this.db.query(`SELECT count(*)::int AS n FROM volunteer_team t WHERE ${where}`, counted)) as { n: number }[])[0].n,
    );
    const after = teamsByName.after(page, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${TEAM_COLUMNS('t')} FROM volunteer_team t WHERE ${where}${after} ORDER BY ${teamsByName.orderBy} LIMIT $${params.push(page.limit + 1)}`,
      params,
    );
    return { rows: rows.map(toTeam), total };
  }

  /** Current members of many teams, in one grouped query. */
  async memberCounts(teamIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { team_id: string; n: number }[] = await this.db.query(
      `SELECT team_id, count(*)::int AS n FROM team_membership WHERE team_id = ANY($1::uuid[]) AND left_on IS NULL GROUP BY team_id`,
      [[...teamIds]],
    );
    return new Map(rows.map((r) => [r.team_id, r.n]));
  }

  /** A page of memberships for each team (current ones unless `includeFormer`): one LATERAL query, one count. */
  async membershipPages(teamIds: readonly string[], includeFormer: boolean, page: Page<MembershipKey>): Promise<PagedRows<TeamMembership>> {
    const current = includeFormer ? '' : ' AND m.left_on IS NULL';
    const counts = lazyTotals(
      'team_id',
      () =>
        this.db.query(
          `SELECT m.team_id, count(*)::int AS n FROM team_membership m WHERE m.team_id = ANY($1::uuid[])${current} GROUP BY m.team_id`,
          [[...teamIds]],
        ) as Promise<{ team_id: string; n: number }[]>,
    );
    const params: unknown[] = [[...teamIds], page.limit + 1];
    const after = membershipsByJoining.after(page, params);
    const raw: Record<string, unknown>[] = await this.db.query(
      `SELECT x.* FROM unnest($1::uuid[]) AS t(id) CROSS JOIN LATERAL (
         SELECT ${MEMBERSHIP_COLUMNS('m')} FROM team_membership m WHERE m.team_id = t.id${current}${after} ORDER BY ${membershipsByJoining.orderBy} LIMIT $2) x`,
      params,
    );
    return { rows: raw.map(toMembership), totals: counts };
  }

  /** The teams each member currently belongs to, by name, in one query. */
  async currentTeamsOf(memberIds: readonly string[]): Promise<MemberTeam[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${TEAM_COLUMNS('t')}, m.member_id FROM team_membership m JOIN volunteer_team t ON t.id = m.team_id
        WHERE m.member_id = ANY($1::uuid[]) AND m.left_on IS NULL ORDER BY t.name, t.id`,
      [[...memberIds]],
    );
    return rows.map((row) => ({ ...toTeam(row), memberId: row.member_id as string }));
  }
}
