import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { groupedLoader, keyedLoader } from '@cpb/kit';
import type { DuesBase, DuesMonth, DuesPayment, DuesReduction } from '../entities';
import { BASE, MONTH, PAYMENT, REDUCTION } from './dues-store';

/** A member's year of dues: one key per member and year. */
export type MemberYear = `${string}:${number}`;
export const memberYear = (memberId: string, year: number): MemberYear => `${memberId}:${year}`;
const split = (keys: readonly MemberYear[]) => ({ ids: keys.map((k) => k.split(':')[0]), years: keys.map((k) => Number(k.split(':')[1])) });
const pairs = `unnest($1::uuid[], $2::int[]) AS k(member_id, year)`;

export interface DuesTotals {
  members: number;
  dueFen: number;
  paidFen: number;
  paidMembers: number;
  unpaidMembers: number;
  waivedMembers: number;
}

export interface ArrearsRow {
  memberId: string;
  monthsOwing: number;
  owingFen: number;
  oldestMonth: string;
  consecutiveMonths: number;
}

const noTotals: DuesTotals = { members: 0, dueFen: 0, paidFen: 0, paidMembers: 0, unpaidMembers: 0, waivedMembers: 0 };

/** Dues reads outside transactions, each batched per request (one query per list, whatever the number of members). */
export class DuesReads {
  constructor(private readonly db: DataSource) {}

  loaders() {
    return {
      payment: keyedLoader(
        (ids: readonly string[]) =>
          this.db.query(`SELECT ${PAYMENT} FROM dues_payment WHERE id = ANY($1)`, [ids]) as Promise<DuesPayment[]>,
        (p) => p.id,
      ),
      months: groupedLoader(
        (keys: readonly MemberYear[]) =>
          this.db.query(
            `SELECT d.*, k.year FROM (SELECT ${MONTH} FROM dues_month) d JOIN ${pairs} ON d."memberId" = k.member_id AND substr(d.month, 1, 4)::int = k.year ORDER BY d.month`,
            [split(keys).ids, split(keys).years],
          ),
        (m: DuesMonth & { year: number }) => memberYear(m.memberId, m.year),
      ),
      bases: groupedLoader(
        (keys: readonly MemberYear[]) =>
          this.db.query(
            `SELECT b.* FROM (SELECT ${BASE} FROM dues_base) b JOIN ${pairs} ON b."memberId" = k.member_id AND b.year = k.year ORDER BY b."fromMonth"`,
            [split(keys).ids, split(keys).years],
          ),
        (b: DuesBase) => memberYear(b.memberId, b.year),
      ),
      payments: groupedLoader(
        (keys: readonly MemberYear[]) =>
          this.db.query(
            `SELECT p.*, k.year FROM (SELECT ${PAYMENT} FROM dues_payment) p JOIN ${pairs}
            ON p."memberId" = k.member_id AND EXISTS (SELECT 1 FROM unnest(p.months) m WHERE substr(m, 1, 4)::int = k.year) ORDER BY p."recordedAt", p.id`,
            [split(keys).ids, split(keys).years],
          ),
        (p: DuesPayment & { year: number }) => memberYear(p.memberId, p.year),
      ),
      reductions: groupedLoader(
        (keys: readonly MemberYear[]) =>
          this.db.query(
            `SELECT r.*, k.year FROM (SELECT ${REDUCTION} FROM dues_reduction) r JOIN ${pairs}
            ON r."memberId" = k.member_id AND substr(r."fromMonth", 1, 4)::int <= k.year AND substr(r."untilMonth", 1, 4)::int >= k.year ORDER BY r."fromMonth"`,
            [split(keys).ids, split(keys).years],
          ),
        (r: DuesReduction & { year: number }) => memberYear(r.memberId, r.year),
      ),
      /** Totals for one month over organisations' subtrees, all asked in one query. */
      totals: new DataLoader<{ organizationId: string; subtreeIds: string[]; month: string }, DuesTotals, string>(
        async (asks) => {
          const rows = asks.flatMap((a, i) => a.subtreeIds.map((org) => ({ i, org, month: a.month })));
          const found: (DuesTotals & { i: number })[] = await this.db.query(
            `SELECT k.i, count(*)::int AS members, coalesce(sum(d.due_fen), 0)::int AS "dueFen",
               coalesce(sum(d.due_fen) FILTER (WHERE d.payment_id IS NOT NULL), 0)::int AS "paidFen",
               count(*) FILTER (WHERE d.payment_id IS NOT NULL)::int AS "paidMembers",
               count(*) FILTER (WHERE d.payment_id IS NULL AND d.due_fen > 0)::int AS "unpaidMembers",
               count(*) FILTER (WHERE d.due_fen = 0)::int AS "waivedMembers"
             FROM unnest($1::int[], $2::uuid[], $3::date[]) AS k(i, org, month)
             JOIN member m ON m.organization_id = k.org JOIN dues_month d ON d.member_id = m.id AND d.month = k.month
             GROUP BY k.i`,
            [rows.map((r) => r.i), rows.map((r) => r.org), rows.map((r) => r.month)],
          );
          const byAsk = new Map(found.map(({ i, ...totals }) => [i, totals]));
          return asks.map((_, i) => byAsk.get(i) ?? noTotals);
        },
        { cacheKeyFn: (a) => `${a.organizationId}:${a.month}` },
      ),
    };
  }

  /**
   * Members of the organisations with months unpaid before `beforeMonth`, by member id after `afterId`:
   * how many, how much, since when, and the longest run of consecutive unpaid months.
   */
  arrears(organizationIds: string[], beforeMonth: string, afterId: string | null, limit: number): Promise<ArrearsRow[]> {
    return this.db.query(
      `${unpaidRuns('($3::uuid IS NULL OR d.member_id > $3)')}
       SELECT u.member_id AS "memberId", count(*)::int AS "monthsOwing", sum(u.due_fen)::int AS "owingFen", min(u.month)::text AS "oldestMonth",
         (SELECT max(length) FROM runs r WHERE r.member_id = u.member_id) AS "consecutiveMonths"
       FROM unpaid u GROUP BY u.member_id ORDER BY u.member_id LIMIT $4`,
      [organizationIds, beforeMonth, afterId, limit],
    );
  }

  /** Members of the organisations with a run of at least `months` consecutive unpaid months before `beforeMonth`: the longest run of each. */
  longArrears(
    organizationIds: string[],
    beforeMonth: string,
    months: number,
  ): Promise<{ memberId: string; since: string; months: number }[]> {
    return this.db.query(
      `${unpaidRuns('true')}
       SELECT DISTINCT ON (member_id) member_id AS "memberId", since::text AS since, length AS months
       FROM runs WHERE length >= $3 ORDER BY member_id, length DESC, since DESC`,
      [organizationIds, beforeMonth, months],
    );
  }
}

/**
 * Unpaid months with something due before month $2 of the members organisations $1 hold (narrowed by
 * `filter`), and their runs of consecutive months (gaps and islands: consecutive months minus their
 * rank are equal), as the CTEs `unpaid` and `runs`.
 */
function unpaidRuns(filter: string): string {
  return `WITH unpaid AS (
         SELECT d.member_id, d.month, d.due_fen,
           (extract(year FROM d.month) * 12 + extract(month FROM d.month))::int - row_number() OVER (PARTITION BY d.member_id ORDER BY d.month)::int AS island
         FROM dues_month d JOIN member m ON m.id = d.member_id
         WHERE m.organization_id = ANY($1) AND d.payment_id IS NULL AND d.due_fen > 0 AND d.month < $2 AND ${filter}
       ), runs AS (SELECT member_id, min(month) AS since, count(*)::int AS length FROM unpaid GROUP BY member_id, island)`;
}

export type DuesLoaders = ReturnType<DuesReads['loaders']>;
