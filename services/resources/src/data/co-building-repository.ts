import type { DataSource } from 'typeorm';

/** A community's co-building at a glance, for dashboards. */
export interface CoBuildingSummary {
  activeAgreements: number;
  openNeeds: number;
  activeProjects: number;
  resources: number;
}

/** Counts per community across agreements, needs, projects and resources. */
export class CoBuildingRepository {
  constructor(private readonly db: DataSource) {}

  /** One statement for any number of communities: each count is a grouped scan on a community index. */
  async summaries(communityIds: readonly string[], today: string): Promise<Map<string, CoBuildingSummary>> {
    const rows: { id: string; agreements: number; needs: number; projects: number; resources: number }[] = await this.db.query(
      `SELECT c.id,
              (SELECT count(*) FROM agreement a WHERE a.community_id = c.id AND a.status = 'ACTIVE' AND a.valid_to >= $2::date)::int AS agreements,
              (SELECT count(*) FROM need n WHERE n.community_id = c.id AND n.status = 'OPEN')::int AS needs,
              (SELECT count(*) FROM project p WHERE p.community_id = c.id AND p.status = 'ACTIVE')::int AS projects,
              (SELECT count(*) FROM resource r WHERE r.community_id = c.id AND r.status = 'AVAILABLE')::int AS resources
         FROM unnest($1::uuid[]) AS c(id)`,
      [[...communityIds], today],
    );
    return new Map(
      rows.map((r) => [r.id, { activeAgreements: r.agreements, openNeeds: r.needs, activeProjects: r.projects, resources: r.resources }]),
    );
  }
}
