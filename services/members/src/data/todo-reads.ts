import type { ToDoRow as KindRow } from '@cpb/kit';
import type { DataSource } from 'typeorm';

/** A kind's row; dues arrears add the months owing and the oldest (YYYY-MM-DD, the month's first day). */
export interface ToDoRow extends KindRow {
  months?: number;
  since?: string;
}

/**
 * The members service's to-do items (待办) over a subtree: one statement per kind for the whole subtree
 * (`= ANY($1)` over its organisations or communities), each bringing its total and its first `limit`
 * rows soonest due first. Indexes: member by organisation, transfer_letter_lapse_idx, dues_month by
 * member, registration by community.
 */
export class ToDoReads {
  constructor(private readonly db: DataSource) {}

  /** Probationary members whose probation ends on or before `until` (ended ones not yet converted included). */
  probationsEnding(organizationIds: string[], until: string, limit: number): Promise<ToDoRow[]> {
    return this.db.query(
      `SELECT id AS "subjectId", probation_ends_on::text AS "dueOn", count(*) OVER ()::int AS total
         FROM member WHERE organization_id = ANY($1) AND status = 'PROBATIONARY' AND probation_ends_on <= $2
        ORDER BY probation_ends_on, id LIMIT $3`,
      [organizationIds, until, limit],
    );
  }

  /** Approved transfers out of or into the subtree whose letter's last day is from `from` to `until`. */
  lettersLapsing(organizationIds: string[], from: string, until: string, limit: number): Promise<ToDoRow[]> {
    return this.db.query(
      `SELECT id AS "subjectId", letter_valid_until::text AS "dueOn", count(*) OVER ()::int AS total
         FROM transfer WHERE status = 'APPROVED' AND letter_valid_until BETWEEN $2 AND $3
          AND (from_organization_id = ANY($1) OR to_organization_id = ANY($1))
        ORDER BY letter_valid_until, id LIMIT $4`,
      [organizationIds, from, until, limit],
    );
  }

  /** Members of the subtree with at least `minMonths` months unpaid before `beforeMonth`; due the oldest month's last day. */
  duesArrears(organizationIds: string[], beforeMonth: string, minMonths: number, limit: number): Promise<ToDoRow[]> {
    return this.db.query(
      `SELECT d.member_id AS "subjectId", (min(d.month) + interval '1 month' - interval '1 day')::date::text AS "dueOn",
              count(*)::int AS months, min(d.month)::text AS since, count(*) OVER ()::int AS total
         FROM dues_month d JOIN member m ON m.id = d.member_id
        WHERE m.organization_id = ANY($1) AND d.payment_id IS NULL AND d.due_fen > 0 AND d.month < $2
        GROUP BY d.member_id HAVING count(*) >= $3
        ORDER BY min(d.month), d.member_id LIMIT $4`,
      [organizationIds, beforeMonth, minMonths, limit],
    );
  }

  /** Active registrations with the communities with no feedback recorded since `yearStart`; due the year's last day. */
  registrationsNotAppraised(communityIds: string[], yearStart: string, yearEnd: string, limit: number): Promise<ToDoRow[]> {
    return this.db.query(
      `SELECT r.id AS "subjectId", $3::text AS "dueOn", count(*) OVER ()::int AS total
         FROM community_registration r
        WHERE r.community_id = ANY($1) AND r.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM registration_feedback f WHERE f.registration_id = r.id AND f.recorded_on >= $2)
        ORDER BY r.registered_on, r.id LIMIT $4`,
      [communityIds, yearStart, yearEnd, limit],
    );
  }
}
