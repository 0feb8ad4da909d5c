import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Participation, ServiceHours } from '../entities';
import { PARTICIPATION_COLUMNS, toParticipation, updateReturning } from './rows';

const RETURNING = `RETURNING ${PARTICIPATION_COLUMNS('participation')}`;

/** Reads and writes of participations inside one transaction. */
export class ParticipationStore {
  constructor(private readonly tx: EntityManager) {}

  /**
   * Takes one place, or none: the row lock and the re-checked WHERE make concurrent sign-ups queue
   * on the activity row, and the CHECK on signed_up_count backs the capacity whatever happens.
   */
  async takePlace(activityId: string): Promise<boolean> {
    const rows = await updateReturning(
      this.tx,
      `UPDATE activity SET signed_up_count = signed_up_count + 1
        WHERE id = $1 AND status = 'PUBLISHED' AND starts_at > now() AND signed_up_count < capacity RETURNING id`,
      [activityId],
    );
    return rows.length === 1;
  }

  /** Gives a place back, while sign-ups are open (before the start). */
  async releasePlace(activityId: string): Promise<boolean> {
    const rows = await updateReturning(
      this.tx,
      `UPDATE activity SET signed_up_count = signed_up_count - 1 WHERE id = $1 AND status = 'PUBLISHED' AND starts_at > now() RETURNING id`,
      [activityId],
    );
    return rows.length === 1;
  }

  /** A new sign-up, or a withdrawn one renewed; null when the member is already signed up (one per member and activity). */
  async signUp(activityId: string, memberId: string): Promise<Participation | null> {
    const rows: Record<string, unknown>[] = await this.tx.query(
      `INSERT INTO participation (id, activity_id, member_id, status, signed_up_at) VALUES ($1, $2, $3, 'SIGNED_UP', now())
       ON CONFLICT ON CONSTRAINT participation_once_key DO UPDATE SET status = 'SIGNED_UP', signed_up_at = now()
        WHERE participation.status = 'CANCELLED' ${RETURNING}`,
      [randomUUID(), activityId, memberId],
    );
    return rows[0] ? toParticipation(rows[0]) : null;
  }

  /** Withdraws a sign-up not yet checked in; null when there is none. */
  async withdraw(activityId: string, memberId: string): Promise<Participation | null> {
    const rows = await updateReturning(
      this.tx,
      `UPDATE participation SET status = 'CANCELLED' WHERE activity_id = $1 AND member_id = $2 AND status = 'SIGNED_UP' ${RETURNING}`,
      [activityId, memberId],
    );
    return rows[0] ? toParticipation(rows[0]) : null;
  }

  /** A plain read of the member's participation in the activity, if any. */
  async current(activityId: string, memberId: string): Promise<Participation | null> {
    const rows: Record<string, unknown>[] = await this.tx.query(
      `SELECT ${PARTICIPATION_COLUMNS('p')} FROM participation p WHERE p.activity_id = $1 AND p.member_id = $2`,
      [activityId, memberId],
    );
    return rows[0] ? toParticipation(rows[0]) : null;
  }

  async lock(activityId: string, memberId: string): Promise<Participation | null> {
    const rows: Record<string, unknown>[] = await this.tx.query(
      `SELECT ${PARTICIPATION_COLUMNS('p')} FROM participation p WHERE p.activity_id = $1 AND p.member_id = $2 FOR UPDATE`,
      [activityId, memberId],
    );
    return rows[0] ? toParticipation(rows[0]) : null;
  }

  async checkIn(id: string, at: Date): Promise<Participation> {
    const rows = await updateReturning(
      this.tx,
      `UPDATE participation SET status = 'ATTENDED', checked_in_at = $2 WHERE id = $1 ${RETURNING}`,
      [id, at],
    );
    return toParticipation(rows[0]);
  }

  async checkOut(id: string, at: Date): Promise<Participation> {
    const rows = await updateReturning(this.tx, `UPDATE participation SET checked_out_at = $2 WHERE id = $1 ${RETURNING}`, [id, at]);
    return toParticipation(rows[0]);
  }

  async countAttended(activityId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.tx.query(
      `SELECT count(*)::int AS n FROM participation WHERE activity_id = $1 AND status = 'ATTENDED'`,
      [activityId],
    );
    return n;
  }

  /** Cancels every open sign-up of a cancelled activity; returns how many. */
  async cancelSignUps(activityId: string): Promise<number> {
    const rows = await updateReturning(
      this.tx,
      `UPDATE participation SET status = 'CANCELLED' WHERE activity_id = $1 AND status = 'SIGNED_UP' RETURNING id`,
      [activityId],
    );
    return rows.length;
  }

  /** On completion, sign-ups never checked in become NO_SHOW; returns how many. */
  async markNoShows(activityId: string): Promise<number> {
    const rows = await updateReturning(
      this.tx,
      `UPDATE participation SET status = 'NO_SHOW' WHERE activity_id = $1 AND status = 'SIGNED_UP' RETURNING id`,
      [activityId],
    );
    return rows.length;
  }

  /** Attendances whose hours are not credited yet. */
  async uncredited(activityId: string): Promise<Participation[]> {
    const rows: Record<string, unknown>[] = await this.tx.query(
      `SELECT ${PARTICIPATION_COLUMNS('p')} FROM participation p WHERE p.activity_id = $1 AND p.status = 'ATTENDED' AND p.credited_at IS NULL ORDER BY p.id`,
      [activityId],
    );
    return rows.map(toParticipation);
  }

  /**
   * Credits hours and writes the ledger in one statement. Only rows still uncredited are touched,
   * and the ledger's primary key (participation_id) refuses a second row: hours count once.
   */
  async credit(credits: { participationId: string; hours: number }[], creditedAt: Date): Promise<ServiceHours[]> {
    if (credits.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.tx.query(
      `WITH credited AS (
         UPDATE participation p SET hours = c.hours, credited_at = $3
           FROM unnest($1::uuid[], $2::numeric[]) AS c(id, hours)
          WHERE p.id = c.id AND p.status = 'ATTENDED' AND p.credited_at IS NULL
         RETURNING p.id, p.activity_id, p.member_id, p.hours)
       INSERT INTO service_hours (participation_id, activity_id, member_id, community_id, organizer_id, team_id, served_at, hours)
       SELECT c.id, c.activity_id, c.member_id, a.community_id, a.organizer_id, a.team_id, a.starts_at, c.hours
         FROM credited c JOIN activity a ON a.id = c.activity_id
       RETURNING participation_id, activity_id, member_id, community_id, organizer_id, team_id, served_at, hours::float8 AS hours`,
      [credits.map((c) => c.participationId), credits.map((c) => c.hours), creditedAt],
    );
    return rows.map((r) => ({
      participationId: r.participation_id as string,
      activityId: r.activity_id as string,
      memberId: r.member_id as string,
      communityId: r.community_id as string,
      organizerId: r.organizer_id as string,
      teamId: (r.team_id as string | null) ?? null,
      servedAt: r.served_at as Date,
      hours: r.hours as number,
    }));
  }
}
