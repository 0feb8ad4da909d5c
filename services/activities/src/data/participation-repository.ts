import type { DataSource } from 'typeorm';
import { keyset, type Page, type PagedRows, type SortKey, lazyTotals } from '@cpb/kit';
import type { Participation, ParticipationStatus } from '../entities';
import { PARTICIPATION_COLUMNS, toParticipation } from './rows';

/** Sort key of an activity's participants: sign-up order. */
export type ParticipantKey = SortKey;
/** Sort key of a member's participations: most recent activity first. */
export type MemberParticipationKey = SortKey;

const bySignUp = keyset({ sort: 'p.signed_up_at', type: 'timestamptz', id: 'p.id' });
const latestActivityFirst = keyset({ sort: 'a.starts_at', type: 'timestamptz', id: 'p.id', direction: 'DESC' });

/** A participation listed under its member, with its activity's start (the sort key). */
export type MemberParticipation = Participation & { activityStartsAt: Date };

export class ParticipationRepository {
  constructor(private readonly db: DataSource) {}

  /** A page of participants for each activity: one LATERAL query over (activity, signed_up_at), one count. */
  async activityPages(
    activityIds: readonly string[],
    status: ParticipationStatus | null,
    page: Page<ParticipantKey>,
  ): Promise<PagedRows<Participation>> {
    const countParams: unknown[] = [[...activityIds]];
    const countStatus = status ? ` AND p.status = $${countParams.push(status)}` : '';
    const counts = lazyTotals(
      'activity_id',
      () =>
        this.db.query(
          `SELECT p.activity_id, count(*)::int AS n FROM participation p WHERE p.activity_id = ANY($1::uuid[])${countStatus} GROUP BY p.activity_id`,
          countParams,
        ) as Promise<{ activity_id: string; n: number }[]>,
    );
    const params: unknown[] = [[...activityIds], page.limit + 1];
    const byStatus = status ? ` AND p.status = $${params.push(status)}` : '';
    const after = bySignUp.after(page, params);
    const raw: Record<string, unknown>[] = await this.db.query(
      `SELECT x.* FROM unnest($1::uuid[]) AS a(id) CROSS JOIN LATERAL (
         SELECT ${PARTICIPATION_COLUMNS('p')} FROM participation p WHERE p.activity_id = a.id${byStatus}${after} ORDER BY ${bySignUp.orderBy} LIMIT $2) x`,
      params,
    );
    return { rows: raw.map(toParticipation), totals: counts };
  }

  /** A page of participations for each member, most recent activity first: one LATERAL query, one count. */
  async memberPages(
    memberIds: readonly string[],
    status: ParticipationStatus | null,
    page: Page<MemberParticipationKey>,
  ): Promise<PagedRows<MemberParticipation>> {
    const countParams: unknown[] = [[...memberIds]];
    const countStatus = status ? ` AND p.status = $${countParams.push(status)}` : '';
    const counts = lazyTotals(
      'member_id',
      () =>
        this.db.query(
          `SELECT p.member_id, count(*)::int AS n FROM participation p WHERE p.member_id = ANY($1::uuid[])${countStatus} GROUP BY p.member_id`,
          countParams,
        ) as Promise<{ member_id: string; n: number }[]>,
    );
    const params: unknown[] = [[...memberIds], page.limit + 1];
    const byStatus = status ? ` AND p.status = $${params.push(status)}` : '';
    const after = latestActivityFirst.after(page, params);
    const raw: Record<string, unknown>[] = await this.db.query(
      `SELECT x.* FROM unnest($1::uuid[]) AS m(id) CROSS JOIN LATERAL (
         SELECT ${PARTICIPATION_COLUMNS('p')}, a.starts_at AS activity_starts_at
           FROM participation p JOIN activity a ON a.id = p.activity_id
          WHERE p.member_id = m.id${byStatus}${after} ORDER BY ${latestActivityFirst.orderBy} LIMIT $2) x`,
      params,
    );
    const rows = raw.map((row) => ({ ...toParticipation(row), activityStartsAt: row.activity_starts_at as Date }));
    return { rows, totals: counts };
  }
}
