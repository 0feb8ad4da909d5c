import type { EntityManager } from 'typeorm';
import type { TeamMembership, VolunteerTeam } from '../entities';
import { MEMBERSHIP_COLUMNS, TEAM_COLUMNS, toMembership, toTeam } from './rows';

/** Reads and writes of volunteer teams inside one transaction. */
export class TeamStore {
  constructor(private readonly tx: EntityManager) {}

  async insert(team: VolunteerTeam): Promise<void> {
    await this.tx.query(
      `INSERT INTO volunteer_team (id, name, specialty, organization_id, community_id, leader_id, founded_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [team.id, team.name, team.specialty, team.organizationId, team.communityId, team.leaderId, team.foundedOn],
    );
  }

  /** The team, locked: joins, leaves and leader changes of one team queue behind each other (the leader stays a member). */
  async lock(id: string): Promise<VolunteerTeam | null> {
    const rows: Record<string, unknown>[] = await this.tx.query(
      `SELECT ${TEAM_COLUMNS('t')} FROM volunteer_team t WHERE t.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toTeam(rows[0]) : null;
  }

  async addMember(membership: TeamMembership): Promise<void> {
    await this.tx.query(`INSERT INTO team_membership (id, team_id, member_id, joined_on) VALUES ($1, $2, $3, $4)`, [
      membership.id,
      membership.teamId,
      membership.memberId,
      membership.joinedOn,
    ]);
  }

  async currentMembership(teamId: string, memberId: string): Promise<TeamMembership | null> {
    const rows: Record<string, unknown>[] = await this.tx.query(
      `SELECT ${MEMBERSHIP_COLUMNS('m')} FROM team_membership m WHERE m.team_id = $1 AND m.member_id = $2 AND m.left_on IS NULL`,
      [teamId, memberId],
    );
    return rows[0] ? toMembership(rows[0]) : null;
  }

  async endMembership(id: string, leftOn: string): Promise<void> {
    await this.tx.query(`UPDATE team_membership SET left_on = $2 WHERE id = $1`, [id, leftOn]);
  }

  /** Marks the team disbanded; returns how many members it had then (their memberships stay, as history). */
  async disband(teamId: string, on: string): Promise<number> {
    await this.tx.query(`UPDATE volunteer_team SET disbanded_on = $2 WHERE id = $1`, [teamId, on]);
    const [row]: { count: number }[] = await this.tx.query(
      `SELECT count(*)::int AS count FROM team_membership WHERE team_id = $1 AND left_on IS NULL`,
      [teamId],
    );
    return row.count;
  }

  async setLeader(teamId: string, memberId: string): Promise<void> {
    await this.tx.query(`UPDATE volunteer_team SET leader_id = $2 WHERE id = $1`, [teamId, memberId]);
  }
}
