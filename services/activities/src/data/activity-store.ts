import type { EntityManager } from 'typeorm';
import type { Activity } from '../entities';
import { ACTIVITY_COLUMNS, toActivity, updateReturning } from './rows';

/** Reads and writes of activities inside one transaction (a use case's unit of work). */
export class ActivityStore {
  constructor(private readonly tx: EntityManager) {}

  async insert(a: Activity): Promise<void> {
    await this.tx.query(
      `INSERT INTO activity (id, title, kind, status, organizer_id, community_id, team_id, co_organizer_ids, venue_booking_id, place, starts_at, ends_at, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10, $11, $12, $13)`,
      [
        a.id,
        a.title,
        a.kind,
        a.status,
        a.organizerId,
        a.communityId,
        a.teamId,
        a.coOrganizerIds,
        a.venueBookingId,
        a.place,
        a.startsAt,
        a.endsAt,
        a.capacity,
      ],
    );
  }

  /**
   * The activity, fresh and locked: FOR UPDATE for changes of the activity itself, FOR SHARE for
   * check-in and check-out, which must not interleave with completion or cancellation.
   */
  async lock(id: string, mode: 'update' | 'share'): Promise<Activity | null> {
    const rows: Record<string, unknown>[] = await this.tx.query(
      `SELECT ${ACTIVITY_COLUMNS('a')} FROM activity a WHERE a.id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`,
      [id],
    );
    return rows[0] ? toActivity(rows[0]) : null;
  }

  /** A plain read, to explain a refusal the database made. */
  async find(id: string): Promise<Activity | null> {
    const rows: Record<string, unknown>[] = await this.tx.query(`SELECT ${ACTIVITY_COLUMNS('a')} FROM activity a WHERE a.id = $1`, [id]);
    return rows[0] ? toActivity(rows[0]) : null;
  }

  /** Writes the fields a draft may change. */
  async saveDraft(a: Activity): Promise<void> {
    await this.tx.query(
      `UPDATE activity SET title = $2, kind = $3, team_id = $4, co_organizer_ids = $5::uuid[], venue_booking_id = $6, place = $7, starts_at = $8, ends_at = $9, capacity = $10
        WHERE id = $1 AND status = 'DRAFT'`,
      [a.id, a.title, a.kind, a.teamId, a.coOrganizerIds, a.venueBookingId, a.place, a.startsAt, a.endsAt, a.capacity],
    );
  }

  /** New times for a published activity; its sign-ups are untouched. */
  async reschedule(id: string, schedule: { startsAt: Date; endsAt: Date }): Promise<void> {
    await this.tx.query(`UPDATE activity SET starts_at = $2, ends_at = $3 WHERE id = $1 AND status = 'PUBLISHED'`, [
      id,
      schedule.startsAt,
      schedule.endsAt,
    ]);
  }

  async publish(id: string): Promise<void> {
    await this.tx.query(`UPDATE activity SET status = 'PUBLISHED' WHERE id = $1 AND status = 'DRAFT'`, [id]);
  }

  /** The CHECK (signed_up_count <= capacity) refuses a capacity below the sign-ups, whatever raced. */
  async changeCapacity(id: string, capacity: number): Promise<void> {
    await this.tx.query(`UPDATE activity SET capacity = $2 WHERE id = $1`, [id, capacity]);
  }

  async cancel(id: string): Promise<void> {
    await this.tx.query(`UPDATE activity SET status = 'CANCELLED', signed_up_count = 0 WHERE id = $1`, [id]);
  }

  /** PUBLISHED → COMPLETED, guarded in SQL: of two completions only one finds the row PUBLISHED. */
  async complete(id: string): Promise<Date | null> {
    const rows = await updateReturning(
      this.tx,
      `UPDATE activity SET status = 'COMPLETED', completed_at = now() WHERE id = $1 AND status = 'PUBLISHED' RETURNING completed_at`,
      [id],
    );
    return (rows[0]?.completed_at as Date | undefined) ?? null;
  }

  /**
   * The team an activity is for, held (FOR SHARE) until the transaction ends: a disbanding waits for
   * activities being planned, and an activity planned after it finds the team disbanded. Null: no such team.
   */
  async holdTeam(teamId: string): Promise<{ name: string; disbandedOn: string | null } | null> {
    const rows: { name: string; disbanded_on: string | null }[] = await this.tx.query(
      `SELECT name, disbanded_on::text AS disbanded_on FROM volunteer_team WHERE id = $1 FOR SHARE`,
      [teamId],
    );
    return rows[0] ? { name: rows[0].name, disbandedOn: rows[0].disbanded_on } : null;
  }
}
