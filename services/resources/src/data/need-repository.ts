import { In, type DataSource } from 'typeorm';
import { keyset, type Page, type PagedRows, type SortKey, whereEquals, type LazyCount, lazyTotals } from '@cpb/kit';
import { NeedEntity, ProjectEntity, type Need, type NeedStatus, type Project } from '../entities';

export interface NeedFilter {
  communityId?: string | null;
  status?: NeedStatus | null;
  category?: string | null;
}

export interface ProjectFilter {
  communityId?: string | null;
  status?: string | null;
  resourceId?: string | null;
}

function toNeed(row: Record<string, unknown>): Need {
  return {
    id: row.id as string,
    communityId: row.community_id as string,
    title: row.title as string,
    category: row.category as Need['category'],
    description: row.description as string,
    status: row.status as NeedStatus,
    raisedOn: row.raised_on as string,
    resolvedOn: (row.resolved_on as string | null) ?? null,
  };
}

const newestNeedFirst = keyset({ sort: 'n.raised_on', type: 'date', id: 'n.id', direction: 'DESC' });
const latestPlannedFirst = keyset({ sort: 'p.planned_on', type: 'date', id: 'p.id', direction: 'DESC' });

/** Reads of needs (需求清单) and the projects (项目清单) that answer them, batched by key. */
export class NeedRepository {
  constructor(private readonly db: DataSource) {}

  needsByIds(ids: readonly string[]): Promise<Need[]> {
    return this.db.getRepository(NeedEntity).findBy({ id: In([...ids]) });
  }

  /** A page of needs for each community, newest first: one LATERAL query on the (community, raised_on) index, one count. */
  async communityPages(communityIds: readonly string[], status: NeedStatus | null, page: Page<SortKey>): Promise<PagedRows<Need>> {
    const params: unknown[] = [[...communityIds], page.limit + 1, status];
    const after = newestNeedFirst.after(page, params);
    const raw: Record<string, unknown>[] = await this.db.query(
      `SELECT p.id, p.community_id, p.title, p.category, p.description, p.status, p.raised_on::text, p.resolved_on::text
         FROM unnest($1::uuid[]) AS c(id) CROSS JOIN LATERAL (
           SELECT n.* FROM need n WHERE n.community_id = c.id AND ($3::text IS NULL OR n.status = $3)${after}
            ORDER BY ${newestNeedFirst.orderBy} LIMIT $2) p`,
      params,
    );
    const counts = lazyTotals(
      'community_id',
      () =>
        this.db.query(
          `SELECT community_id, count(*)::int AS n FROM need WHERE community_id = ANY($1::uuid[]) AND ($2::text IS NULL OR status = $2) GROUP BY community_id`,
          [[...communityIds], status],
        ) as Promise<{ community_id: string; n: number }[]>,
    );
    return { rows: raw.map(toNeed), totals: counts };
  }

  needPage(filter: NeedFilter, page: Page<SortKey>): Promise<{ rows: Need[]; total: LazyCount }> {
    const query = whereEquals(this.db.getRepository(NeedEntity).createQueryBuilder('n'), {
      'n.community_id': filter.communityId,
      'n.status': filter.status,
      'n.category': filter.category,
    });
    return newestNeedFirst.page(query, page);
  }

  projectsByIds(ids: readonly string[]): Promise<Project[]> {
    return this.db.getRepository(ProjectEntity).findBy({ id: In([...ids]) });
  }

  projectsOfNeeds(needIds: readonly string[]): Promise<Project[]> {
    return this.db.getRepository(ProjectEntity).find({ where: { needId: In([...needIds]) }, order: { plannedOn: 'ASC', id: 'ASC' } });
  }

  /** The resources each project draws on. */
  async resourceIdsOfProjects(projectIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { project_id: string; ids: string[] }[] = await this.db.query(
      `SELECT project_id, array_agg(resource_id ORDER BY resource_id) AS ids FROM project_resource WHERE project_id = ANY($1::uuid[]) GROUP BY project_id`,
      [[...projectIds]],
    );
    return new Map(rows.map((r) => [r.project_id, r.ids]));
  }

  projectPage(filter: ProjectFilter, page: Page<SortKey>): Promise<{ rows: Project[]; total: LazyCount }> {
    const query = whereEquals(this.db.getRepository(ProjectEntity).createQueryBuilder('p'), {
      'p.community_id': filter.communityId,
      'p.status': filter.status,
    });
    if (filter.resourceId)
      query.andWhere('p.id IN (SELECT project_id FROM project_resource WHERE resource_id = :resourceId)', {
        resourceId: filter.resourceId,
      });
    return latestPlannedFirst.page(query, page);
  }
}
