import type { DataSource } from 'typeorm';
import { type Page, type PagedRows, lazyTotals } from '@cpb/kit';
import type { Member } from '../entities';
import { memberColumns } from './member-columns';
import { membersByName, type MemberKey } from './member-repository';

/** A member in a per-parent page, with the parent (organisation, community, unit) it was listed under. */
export type ListedMember = Member & { parentId: string };

/** An organisation and the organisations whose members it lists (itself, or its whole subtree). */
export interface OrganizationScope {
  parentId: string;
  organizationIds: string[];
}

/**
 * One page of members for each of many parents, as one LATERAL query plus one grouped count:
 * the statements for a list of organisations (communities, units) do not grow with its length.
 */
export class MemberPages {
  constructor(private readonly db: DataSource) {}

  async ofOrganizations(
    scopes: readonly OrganizationScope[],
    status: string | null,
    page: Page<MemberKey>,
  ): Promise<PagedRows<ListedMember>> {
    const pairs = scopes.flatMap((s) => s.organizationIds.map((org) => [s.parentId, org]));
    const params: unknown[] = [pairs.map((p) => p[0]), pairs.map((p) => p[1]), page.limit + 1];
    const byStatus = status ? `AND m.status = $${params.push(status)}` : '';
    const rows: ListedMember[] = await this.db.query(
      `WITH scope AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS s(parent, org))
       SELECT r.parent AS "parentId", x.* FROM (SELECT DISTINCT parent FROM scope) r CROSS JOIN LATERAL (
         SELECT ${memberColumns('m')} FROM member m
          WHERE m.organization_id IN (SELECT org FROM scope WHERE scope.parent = r.parent) ${byStatus}${membersByName.after(page, params)}
          ORDER BY ${membersByName.orderBy} LIMIT $3) x`,
      params,
    );
    const counts = lazyTotals(
      'parent',
      () =>
        this.db.query(
          `SELECT s.parent, count(*)::int AS n FROM unnest($1::uuid[], $2::uuid[]) AS s(parent, org)
         JOIN member m ON m.organization_id = s.org ${status ? 'AND m.status = $3' : ''} GROUP BY s.parent`,
          status ? [params[0], params[1], status] : [params[0], params[1]],
        ) as Promise<{ parent: string; n: number }[]>,
    );
    return { rows, totals: counts };
  }

  /** Members actively registered with each community (到社区报到). */
  async registeredWithCommunities(communityIds: readonly string[], page: Page<MemberKey>): Promise<PagedRows<ListedMember>> {
    const params: unknown[] = [[...communityIds], page.limit + 1];
    const rows: ListedMember[] = await this.db.query(
      `SELECT c.id AS "parentId", x.* FROM unnest($1::uuid[]) AS c(id) CROSS JOIN LATERAL (
         SELECT ${memberColumns('m')} FROM community_registration r JOIN member m ON m.id = r.member_id
          WHERE r.community_id = c.id AND r.status = 'ACTIVE'${membersByName.after(page, params)}
          ORDER BY ${membersByName.orderBy} LIMIT $2) x`,
      params,
    );
    const counts = lazyTotals(
      'community_id',
      () =>
        this.db.query(
          `SELECT community_id, count(*)::int AS n FROM community_registration
        WHERE community_id = ANY($1::uuid[]) AND status = 'ACTIVE' GROUP BY community_id`,
          [[...communityIds]],
        ) as Promise<{ community_id: string; n: number }[]>,
    );
    return { rows, totals: counts };
  }

  /** Members working in each resident unit. */
  async ofWorkUnits(unitIds: readonly string[], page: Page<MemberKey>): Promise<PagedRows<ListedMember>> {
    const params: unknown[] = [[...unitIds], page.limit + 1];
    const rows: ListedMember[] = await this.db.query(
      `SELECT u.id AS "parentId", x.* FROM unnest($1::uuid[]) AS u(id) CROSS JOIN LATERAL (
         SELECT ${memberColumns('m')} FROM member m WHERE m.work_unit_id = u.id${membersByName.after(page, params)}
          ORDER BY ${membersByName.orderBy} LIMIT $2) x`,
      params,
    );
    const counts = lazyTotals(
      'work_unit_id',
      () =>
        this.db.query(`SELECT work_unit_id, count(*)::int AS n FROM member WHERE work_unit_id = ANY($1::uuid[]) GROUP BY work_unit_id`, [
          [...unitIds],
        ]) as Promise<{ work_unit_id: string; n: number }[]>,
    );
    return { rows, totals: counts };
  }
}
