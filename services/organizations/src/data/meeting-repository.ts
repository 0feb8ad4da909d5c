import { In, type DataSource } from 'typeorm';
import { keyset, startOfDay, timeZone, type Page, type PagedRows, type Period, lazyTotals } from '@cpb/kit';
import type { HeldOnDay } from '../domain/compliance';
import {
  MeetingAttendanceEntity,
  MeetingEntity,
  MeetingVersionEntity,
  type Meeting,
  type MeetingAttendance,
  type MeetingType,
  type MeetingVersion,
} from '../entities';

/** What an organisation's meeting list is narrowed to: a type, and calendar days (either end open). */
export interface MeetingFilter {
  type: MeetingType | null;
  period: Period;
}

/** A meeting list's position: its start (ISO), then its id. */
export type MeetingKey = [string, string];

const newestFirst = keyset({ sort: 'm.starts_at', type: 'timestamptz', id: 'm.id', direction: 'DESC' });

const MEETING_COLUMNS = `m.id, m.organization_id AS "organizationId", m.type, m.starts_at AS "startsAt", m.status, m.version, m.cancel_reason AS "cancelReason"`;

/** The filter as further ` AND …` conditions, its values appended to `params`. */
function filterSql(filter: MeetingFilter, params: unknown[]): string {
  let sql = '';
  if (filter.type) sql += ` AND m.type = $${params.push(filter.type)}`;
  if (filter.period.start) sql += ` AND m.starts_at >= $${params.push(filter.period.start)}`;
  if (filter.period.end) sql += ` AND m.starts_at < $${params.push(filter.period.end)}`;
  return sql;
}

/** Reads of meetings for the resolvers, each batched over the keys a DataLoader collects. */
export class MeetingRepository {
  constructor(private readonly db: DataSource) {}

  meetingsByIds(ids: readonly string[]): Promise<Meeting[]> {
    return this.db.getRepository(MeetingEntity).findBy({ id: In([...ids]) });
  }

  versionsByMeetingIds(ids: readonly string[]): Promise<MeetingVersion[]> {
    return this.db.getRepository(MeetingVersionEntity).find({ where: { meetingId: In([...ids]) }, order: { version: 'ASC' } });
  }

  /** A page of meetings for each organisation, newest first: one LATERAL query on the (organisation, start, id) index, one count. */
  async meetingPages(organizationIds: readonly string[], filter: MeetingFilter, page: Page<MeetingKey>): Promise<PagedRows<Meeting>> {
    const params: unknown[] = [[...organizationIds], page.limit + 1];
    const where = filterSql(filter, params);
    const after = newestFirst.after(page, params);
    const rows: Meeting[] = await this.db.query(
      `SELECT p.* FROM unnest($1::uuid[]) AS o(id) CROSS JOIN LATERAL (
         SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.organization_id = o.id${where}${after} ORDER BY ${newestFirst.orderBy} LIMIT $2) p`,
      params,
    );
    const countParams: unknown[] = [[...organizationIds]];
    const counts = lazyTotals(
      'organization_id',
      () =>
        this.db.query(
          `SELECT m.organization_id, count(*)::int AS n FROM meeting m WHERE m.organization_id = ANY($1::uuid[])${filterSql(filter, countParams)} GROUP BY m.organization_id`,
          countParams,
        ) as Promise<{ organization_id: string; n: number }[]>,
    );
    return { rows, totals: counts };
  }

  /** Meetings held (not cancelled) per organisation, type and calendar day (district time), from day `from` until `end`. */
  heldOnDays(organizationIds: readonly string[], from: string, end: Date): Promise<HeldOnDay[]> {
    return this.db.query(
      `SELECT organization_id AS "organizationId", type, to_char(starts_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day, count(*)::int AS n
         FROM meeting WHERE organization_id = ANY($1::uuid[]) AND status = 'HELD' AND starts_at >= $2 AND starts_at < $3 GROUP BY 1, 2, 3`,
      [[...organizationIds], startOfDay(from), end, timeZone()],
    );
  }

  /** Which of these organisations have a committee: a current seat beside the secretary's. */
  async withCommittee(organizationIds: readonly string[]): Promise<Set<string>> {
    const rows: { organization_id: string }[] = await this.db.query(
      `SELECT DISTINCT organization_id FROM position WHERE organization_id = ANY($1::uuid[]) AND ends_on IS NULL AND role <> 'SECRETARY'`,
      [[...organizationIds]],
    );
    return new Set(rows.map((r) => r.organization_id));
  }

  /** Attendance of versions named `meetingId/version`, one query for all of them. */
  async attendanceByVersionKeys(keys: readonly string[]): Promise<MeetingAttendance[]> {
    const pairs = keys.map((key) => key.split('/'));
    return this.db
      .getRepository(MeetingAttendanceEntity)
      .createQueryBuilder('a')
      .where('(a.meeting_id, a.version) IN (SELECT * FROM unnest(:ids::uuid[], :versions::int[]))', {
        ids: pairs.map((p) => p[0]),
        versions: pairs.map((p) => Number(p[1])),
      })
      .orderBy('a.member_id')
      .getMany();
  }
}

export const versionKey = (meetingId: string, version: number): string => `${meetingId}/${version}`;
