import type { EntityManager } from 'typeorm';
import type { MeetingType } from '../entities';
import type { MeetingRhythms } from '../domain/meeting-types';

/** One type's rhythm as the district set it: its id (the events' key), months, and who changed it last. */
export interface RhythmRow {
  id: string;
  type: MeetingType;
  everyMonths: number;
  changedBy: string | null;
  changedAt: Date | null;
}

const COLUMNS = `id, type, every_months AS "everyMonths", changed_by AS "changedBy", changed_at AS "changedAt"`;

/** The district's rhythm of organisational life (`meeting_rhythm`, seven rows): reads and the one change. */
export class RhythmStore {
  constructor(private readonly db: EntityManager) {}

  all(): Promise<RhythmRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM meeting_rhythm ORDER BY type`);
  }

  /** Sets one type's months, locking its row until the transaction ends; the row as it is now. */
  async set(type: MeetingType, everyMonths: number, changedBy: string): Promise<RhythmRow> {
    // A SELECT around the UPDATE, so TypeORM hands back plain rows.
    const [row] = await this.db.query(
      `WITH changed AS (UPDATE meeting_rhythm SET every_months = $2, changed_by = $3, changed_at = now() WHERE type = $1 RETURNING *) SELECT ${COLUMNS} FROM changed`,
      [type, everyMonths, changedBy],
    );
    return row;
  }
}

/** The rows as the map compliance reads. */
export function rhythmsOf(rows: RhythmRow[]): MeetingRhythms {
  return Object.fromEntries(rows.map((r) => [r.type, r.everyMonths])) as unknown as MeetingRhythms;
}
