import type { DataSource } from 'typeorm';
import { keyset, lazyTotals, startOfDay, timeZone, type Page, type PagedRows } from '@cpb/kit';
import type { HeldOnDay } from '../domain/compliance';
import type { AttendanceStatus, MeetingType, OrganizationKind } from '../entities';

/**
 * Reads over a subtree or a set of members that follow organisational life up: the organisations a
 * ranking weighs, the 有组织无活动 pages, members' attendance and their months without any. Each is one
 * or two statements whatever the number of organisations or members (prefix scans of the path index).
 */

/** An organisation a subtree ranking weighs: what compliance needs of it. */
export interface RankedOrganization {
  /** The root of the subtree it was found under. */
  rootId: string;
  id: string;
  name: string;
  kind: OrganizationKind;
  establishedOn: string;
  hasCommittee: boolean;
}

/** A silent organisation's position in the list: its name, then its id. */
export type SilentKey = [string, string];

/** An organisation with no organisational life since the cut-off, and when it last had any. */
export interface SilentOrganization {
  rootId: string;
  id: string;
  name: string;
  lastMeetingAt: Date | null;
}

/** A member's attendance counts over a year (current versions of meetings held). */
export interface AttendanceTotals {
  memberId: string;
  expected: number;
  present: number;
  onLeave: number;
  absent: number;
}

/** One meeting a member was expected at. */
export interface MemberMeeting {
  memberId: string;
  meetingId: string;
  organizationId: string;
  type: MeetingType;
  startsAt: Date;
  status: AttendanceStatus;
  leaveReason: string | null;
}

/** A run of calendar months in which a member was expected at meetings and attended none. */
export interface AbsenceRun {
  /** The root of the subtree whose meetings expected the member. */
  rootId: string;
  memberId: string;
  /** First day of the run's first month. */
  since: string;
  months: number;
}

const LIVING = `o.status IN ('ACTIVE', 'CLOSING')`;
const under = (root: string) => `o.path >= ${root} AND o.path < ${root} || '~'`;
const byName = keyset({ sort: 'o.name', type: 'text', id: 'o.id' });

export class LifeReads {
  constructor(private readonly db: DataSource) {}

  /** The living organisations of the subtrees under the roots (each root included), each with whether it has a committee: one statement. */
  subtreeOrganizations(rootIds: readonly string[]): Promise<RankedOrganization[]> {
    return this.db.query(
      `SELECT r.id AS "rootId", o.id, o.name, o.kind, o.established_on::text AS "establishedOn",
         EXISTS (SELECT 1 FROM position p WHERE p.organization_id = o.id AND p.ends_on IS NULL AND p.role <> 'SECRETARY') AS "hasCommittee"
       FROM organization r JOIN organization o ON ${under('r.path')} AND ${LIVING} WHERE r.id = ANY($1::uuid[])`,
      [[...rootIds]],
    );
  }

  /** Meetings held per organisation of the roots' subtrees, type and day (district time), from day `from` until `end`: one statement. */
  heldInSubtrees(rootIds: readonly string[], from: string, end: Date): Promise<(HeldOnDay & { rootId: string })[]> {
    return this.db.query(
      `SELECT r.id AS "rootId", m.organization_id AS "organizationId", m.type, to_char(m.starts_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day, count(*)::int AS n
         FROM organization r JOIN organization o ON ${under('r.path')} AND ${LIVING} JOIN meeting m ON m.organization_id = o.id
        WHERE r.id = ANY($1::uuid[]) AND m.status = 'HELD' AND m.starts_at >= $2 AND m.starts_at < $3 GROUP BY 1, 2, 3, 4`,
      [[...rootIds], startOfDay(from), end, timeZone()],
    );
  }

  /**
   * 有组织无活动 for several roots at once: each root's living organisations established by `since`
   * with no meeting held from `since` on, a page by name per root (one LATERAL statement), and each
   * root's total (one more, only when `totalCount` is asked).
   */
  async silentPages(rootIds: readonly string[], since: string, page: Page<SilentKey>): Promise<PagedRows<SilentOrganization>> {
    const params: unknown[] = [[...rootIds], since, startOfDay(since)];
    const silent = `${under('r.path')} AND ${LIVING} AND o.established_on <= $2::date
      AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.organization_id = o.id AND m.status = 'HELD' AND m.starts_at >= $3)`;
    const counted = [...params];
    const totals = lazyTotals('id', () =>
      this.db.query(
        `SELECT r.id, count(*)::int AS n FROM organization r JOIN organization o ON ${silent} WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
        counted,
      ),
    );
    const after = byName.after(page, params);
    const rows: SilentOrganization[] = await this.db.query(
      `SELECT p.* FROM organization r CROSS JOIN LATERAL (
         SELECT r.id AS "rootId", o.id, o.name, (SELECT max(m.starts_at) FROM meeting m WHERE m.organization_id = o.id AND m.status = 'HELD') AS "lastMeetingAt"
         FROM organization o WHERE ${silent}${after} ORDER BY ${byName.orderBy} LIMIT $${params.push(page.limit + 1)}) p
       WHERE r.id = ANY($1::uuid[])`,
      params,
    );
    return { rows, totals };
  }

  /** Each member's attendance at meetings held (current versions) that started in `[start, end)`: one statement for all of them. */
  attendanceTotals(memberIds: readonly string[], start: Date, end: Date): Promise<AttendanceTotals[]> {
    return this.db.query(
      `SELECT a.member_id AS "memberId", count(*)::int AS expected, count(*) FILTER (WHERE a.status = 'PRESENT')::int AS present,
         count(*) FILTER (WHERE a.status = 'ON_LEAVE')::int AS "onLeave", count(*) FILTER (WHERE a.status = 'ABSENT')::int AS absent
       FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id AND m.version = a.version AND m.status = 'HELD'
       WHERE a.member_id = ANY($1::uuid[]) AND m.starts_at >= $2 AND m.starts_at < $3 GROUP BY a.member_id`,
      [[...memberIds], start, end],
    );
  }

  /** The meetings each member was expected at in `[start, end)`, oldest first: one statement. */
  memberMeetings(memberIds: readonly string[], start: Date, end: Date): Promise<MemberMeeting[]> {
    return this.db.query(
      `SELECT a.member_id AS "memberId", m.id AS "meetingId", m.organization_id AS "organizationId", m.type, m.starts_at AS "startsAt", a.status, a.leave_reason AS "leaveReason"
       FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id AND m.version = a.version AND m.status = 'HELD'
       WHERE a.member_id = ANY($1::uuid[]) AND m.starts_at >= $2 AND m.starts_at < $3 ORDER BY a.member_id, m.starts_at, m.id`,
      [[...memberIds], start, end],
    );
  }

  /**
   * Members expected at meetings of each root's subtree since `start` whose organisational life (at any
   * organisation) has, since they last took part, a run of at least `months` consecutive calendar
   * months before `end` in each of which they were expected at a meeting and attended none (absent
   * without leave). A month with no meeting expected of them ends a run: the organisation, not the
   * member, was silent. Gaps and islands as in the dues arrears: consecutive months minus their rank
   * are equal. The longest such run per member, under each root that expected them: one statement
   * for all the roots (a list page's organisations at once).
   */
  absenceRuns(rootIds: readonly string[], start: Date, end: Date, months: number): Promise<AbsenceRun[]> {
    return this.db.query(
      `WITH candidate AS (
         SELECT DISTINCT r.id AS root_id, a.member_id FROM organization r
           -- LATERAL keeps each root's range on the path index.
           CROSS JOIN LATERAL (SELECT o.id FROM organization o WHERE ${under('r.path')}) o
           JOIN meeting m ON m.organization_id = o.id AND m.status = 'HELD' AND m.starts_at >= $2 AND m.starts_at < $3
           JOIN meeting_attendance a ON a.meeting_id = m.id AND a.version = m.version
         WHERE r.id = ANY($1::uuid[])
       ), monthly AS (
         SELECT a.member_id, date_trunc('month', m.starts_at AT TIME ZONE $4)::date AS month, bool_or(a.status <> 'ABSENT') AS took_part
           FROM (SELECT DISTINCT member_id FROM candidate) c JOIN meeting_attendance a ON a.member_id = c.member_id
           JOIN meeting m ON m.id = a.meeting_id AND m.version = a.version AND m.status = 'HELD' AND m.starts_at >= $2 AND m.starts_at < $3
         GROUP BY 1, 2
       ), absent AS (
         SELECT member_id, month,
           (extract(year FROM month) * 12 + extract(month FROM month))::int - row_number() OVER (PARTITION BY member_id ORDER BY month)::int AS island
         FROM monthly mo
         WHERE NOT took_part AND month > coalesce((SELECT max(p.month) FROM monthly p WHERE p.member_id = mo.member_id AND p.took_part), '-infinity'::date)
       ), longest AS (
         SELECT DISTINCT ON (member_id) member_id, min(month)::text AS since, count(*)::int AS months
           FROM absent GROUP BY member_id, island HAVING count(*) >= $5
          ORDER BY member_id, count(*) DESC, min(month) DESC
       )
       SELECT c.root_id AS "rootId", l.member_id AS "memberId", l.since, l.months
         FROM longest l JOIN candidate c ON c.member_id = l.member_id ORDER BY 1, 2`,
      [[...rootIds], start, end, timeZone(), months],
    );
  }
}
