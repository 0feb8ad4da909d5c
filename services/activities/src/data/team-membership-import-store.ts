import type { DataSource, EntityManager } from 'typeorm';
import { insertEntities } from '@cpb/kit';
import { TeamMembershipEntity, type TeamMembership, type VolunteerTeam } from '../entities';
import { TEAM_COLUMNS, toTeam } from './rows';

/** Reads and writes of a team memberships import, each one statement for the whole file. */
export class TeamMembershipImportStore {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Teams whose id is among `ids` or whose name is among `names` (`lock`: FOR UPDATE in id order, as joinVolunteerTeam locks its one). */
  async teams(ids: readonly string[], names: readonly string[], lock = false): Promise<VolunteerTeam[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${TEAM_COLUMNS('t')} FROM volunteer_team t WHERE t.id = ANY($1::uuid[]) OR t.name = ANY($2::text[]) ORDER BY t.id${lock ? ' FOR UPDATE' : ''}`,
      [ids, names],
    );
    return rows.map(toTeam);
  }

  /** Current memberships of these members in these teams (the natural key of a membership), by id. */
  async currentMemberships(
    keys: readonly { teamId: string; memberId: string }[],
  ): Promise<{ id: string; teamId: string; memberId: string }[]> {
    if (keys.length === 0) return [];
    return this.db.query(
      `SELECT m.id, m.team_id AS "teamId", m.member_id AS "memberId" FROM team_membership m
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(team_id, member_id) ON k.team_id = m.team_id AND k.member_id = m.member_id
        WHERE m.left_on IS NULL`,
      [keys.map((k) => k.teamId), keys.map((k) => k.memberId)],
    );
  }

  insert(memberships: readonly TeamMembership[]): Promise<void> {
    return insertEntities(this.db as EntityManager, TeamMembershipEntity, memberships);
  }
}
