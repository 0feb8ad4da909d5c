import type { ToDoRow as KindRow } from '@cpb/kit';
import type { DataSource } from 'typeorm';

/** A kind's row; open needs add the days since raised. */
export interface ToDoRow extends KindRow {
  days?: number;
}

/**
 * The resources service's to-do items (待办) over a subtree: one statement per kind for the whole
 * subtree (`= ANY($1)`), each with its total and its first `limit` rows soonest due first. Indexes:
 * agreement_community_org_idx, need_community_idx.
 */
export class ToDoReads {
  constructor(private readonly db: DataSource) {}

  /** Agreements in force whose last day is from `from` to `until`. */
  agreementsEnding(organizationIds: string[], from: string, until: string, limit: number): Promise<ToDoRow[]> {
    return this.db.query(
      `SELECT id AS "subjectId", valid_to::text AS "dueOn", count(*) OVER ()::int AS total
         FROM agreement WHERE community_organization_id = ANY($1) AND status = 'ACTIVE' AND valid_to BETWEEN $2 AND $3
        ORDER BY valid_to, id LIMIT $4`,
      [organizationIds, from, until, limit],
    );
  }

  /**
   * Agreements in force whose yearly review (年度考评, each anniversary of `valid_from` before `valid_to`)
   * falls from `from` to `until`: the next anniversary on or after `from`.
   */
  agreementsToReview(organizationIds: string[], from: string, until: string, limit: number): Promise<ToDoRow[]> {
    return this.db.query(
      `SELECT id AS "subjectId", review::text AS "dueOn", count(*) OVER ()::int AS total
         FROM (SELECT id, (valid_from + make_interval(years => date_part('year', age($2::date - 1, valid_from))::int + 1))::date AS review, valid_to
                 FROM agreement WHERE community_organization_id = ANY($1) AND status = 'ACTIVE' AND valid_from < $2) a
        WHERE review <= $3 AND review < valid_to
        ORDER BY review, id LIMIT $4`,
      [organizationIds, from, until, limit],
    );
  }

  /** Needs of the communities still OPEN that were raised before `raisedBefore`; due 30 days after raised. */
  needsOpen(communityIds: string[], raisedBefore: string, today: string, openDays: number, limit: number): Promise<ToDoRow[]> {
    return this.db.query(
      `SELECT id AS "subjectId", (raised_on + $4::int)::text AS "dueOn", ($3::date - raised_on)::int AS days, count(*) OVER ()::int AS total
         FROM need WHERE community_id = ANY($1) AND status = 'OPEN' AND raised_on < $2
        ORDER BY raised_on, id LIMIT $5`,
      [communityIds, raisedBefore, today, openDays, limit],
    );
  }
}
