import { In, IsNull, type DataSource } from 'typeorm';
import { keyset, type Page, type PagedRows, type SortKey, type LazyCount, lazyTotals } from '@cpb/kit';
import {
  CommunityEntity,
  GridEntity,
  InstructorAssignmentEntity,
  LIVING,
  OrganizationEntity,
  PositionEntity,
  ResidentUnitEntity,
  StreetEntity,
  type Community,
  type Grid,
  type InstructorAssignment,
  type Organization,
  type Position,
  type ResidentUnit,
  type Street,
} from '../entities';

/** The organisation-side counts of a community's five-clears census (五个清). */
export interface Census {
  communityId: string;
  residentUnits: number;
  enterprises: number;
  coveredUnits: number;
  partyOrganizations: number;
}

/** Sort key of community lists: by name, then id for a stable order. */
export type CommunityKey = SortKey;

/** Sort key of grid pages: name, then id. */
export type GridKey = SortKey;

const communitiesByName = keyset({ sort: 'c.name', type: 'text', id: 'c.id' });
const gridsByName = keyset({ sort: 'g.name', type: 'text', id: 'g.id' });

/** Reads of the street / community / unit / organisation structure, always batched by key. */
export class StructureRepository {
  constructor(private readonly db: DataSource) {}

  allStreets(): Promise<Street[]> {
    return this.db.getRepository(StreetEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  streetsByIds(ids: readonly string[]): Promise<Street[]> {
    return this.db.getRepository(StreetEntity).findBy({ id: In([...ids]) });
  }

  communitiesByIds(ids: readonly string[]): Promise<Community[]> {
    return this.db.getRepository(CommunityEntity).findBy({ id: In([...ids]) });
  }

  communitiesByStreetIds(streetIds: readonly string[]): Promise<Community[]> {
    return this.db.getRepository(CommunityEntity).find({ where: { streetId: In([...streetIds]) }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** One page of communities after a (name, id) position, `limit + 1` rows, plus the total. */
  async communityPage(streetId: string | null, page: Page<CommunityKey>): Promise<{ rows: Community[]; total: LazyCount }> {
    const query = this.db.getRepository(CommunityEntity).createQueryBuilder('c');
    if (streetId) query.where('c.street_id = :streetId', { streetId });
    return communitiesByName.page(query, page);
  }

  /** Every grid of each community, by name (a community has at most MAX_GRIDS_PER_COMMUNITY). */
  gridsByCommunityIds(communityIds: readonly string[]): Promise<Grid[]> {
    return this.db.getRepository(GridEntity).find({ where: { communityId: In([...communityIds]) }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** A page of grids for each community, by name: one LATERAL query on the (community, name) key, one count. */
  async gridPages(communityIds: readonly string[], page: Page<GridKey>): Promise<PagedRows<Grid>> {
    const params: unknown[] = [[...communityIds], page.limit + 1];
    const after = gridsByName.after(page, params);
    const rows: Grid[] = await this.db.query(
      `SELECT p.id, p.community_id AS "communityId", p.name FROM unnest($1::uuid[]) AS c(id) CROSS JOIN LATERAL (
         SELECT g.* FROM grid g WHERE g.community_id = c.id${after} ORDER BY ${gridsByName.orderBy} LIMIT $2) p`,
      params,
    );
    const counts = lazyTotals(
      'community_id',
      () =>
        this.db.query('SELECT community_id, count(*)::int AS n FROM grid WHERE community_id = ANY($1::uuid[]) GROUP BY community_id', [
          [...communityIds],
        ]) as Promise<{ community_id: string; n: number }[]>,
    );
    return { rows, totals: counts };
  }

  residentUnitsByIds(ids: readonly string[]): Promise<ResidentUnit[]> {
    return this.db.getRepository(ResidentUnitEntity).findBy({ id: In([...ids]) });
  }

  residentUnitsByCommunityIds(communityIds: readonly string[]): Promise<ResidentUnit[]> {
    return this.db
      .getRepository(ResidentUnitEntity)
      .find({ where: { communityId: In([...communityIds]) }, order: { name: 'ASC', id: 'ASC' } });
  }

  organizationsByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
  }

  childrenByParentIds(parentIds: readonly string[]): Promise<Organization[]> {
    return this.db.getRepository(OrganizationEntity).find({ where: { parentId: In([...parentIds]) }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** The living organisation of each community (一社区一组织): active, or being dissolved. */
  communityOrganizations(communityIds: readonly string[]): Promise<Organization[]> {
    return this.db
      .getRepository(OrganizationEntity)
      .findBy({ communityId: In([...communityIds]), communityRoot: true, status: In(LIVING) });
  }

  /** Every organisation id in each root's subtree (the root included), by one range scan per root. */
  async subtreeIds(rootIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { root_id: string; ids: string[] }[] = await this.db.query(
      // LATERAL keeps each root's range on the path index (a plain join was planned as a seq scan).
      `SELECT r.id AS root_id, s.ids
         FROM organization r
         CROSS JOIN LATERAL (SELECT array_agg(o.id) AS ids FROM organization o WHERE o.path >= r.path AND o.path < r.path || '~') s
        WHERE r.id = ANY($1::uuid[])`,
      [[...rootIds]],
    );
    return new Map(rows.map((r) => [r.root_id, r.ids]));
  }

  /** Current positions (endsOn null) of many organisations. */
  currentPositions(organizationIds: readonly string[]): Promise<Position[]> {
    return this.db
      .getRepository(PositionEntity)
      .find({ where: { organizationId: In([...organizationIds]), endsOn: IsNull() }, order: { startsOn: 'ASC' } });
  }

  /** Every position, ended ones included, of many organisations. */
  allPositions(organizationIds: readonly string[]): Promise<Position[]> {
    return this.db.getRepository(PositionEntity).find({ where: { organizationId: In([...organizationIds]) }, order: { startsOn: 'ASC' } });
  }

  currentInstructors(unitIds: readonly string[]): Promise<InstructorAssignment[]> {
    return this.db.getRepository(InstructorAssignmentEntity).find({ where: { residentUnitId: In([...unitIds]), endsOn: IsNull() } });
  }

  /** The organisation-side counts of the five-clears census for many communities, in one query. */
  async census(communityIds: readonly string[]): Promise<Census[]> {
    const rows: { community_id: string; units: number; enterprises: number; covered: number; organizations: number }[] =
      await this.db.query(
        `SELECT c.id AS community_id,
              (SELECT count(*) FROM resident_unit u WHERE u.community_id = c.id)::int AS units,
              (SELECT count(*) FROM resident_unit u WHERE u.community_id = c.id AND u.category IN ('STATE_ENTERPRISE','NON_PUBLIC_ENTERPRISE'))::int AS enterprises,
              (SELECT count(*) FROM resident_unit u WHERE u.community_id = c.id AND u.organization_id IS NOT NULL)::int AS covered,
              (SELECT count(*) FROM organization o WHERE o.community_id = c.id AND o.status = 'ACTIVE')::int AS organizations
         FROM community c WHERE c.id = ANY($1::uuid[])`,
        [[...communityIds]],
      );
    return rows.map((r) => ({
      communityId: r.community_id,
      residentUnits: r.units,
      enterprises: r.enterprises,
      coveredUnits: r.covered,
      partyOrganizations: r.organizations,
    }));
  }

  workingCommittees(streetIds: readonly string[]): Promise<Organization[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ streetId: In([...streetIds]), status: In(LIVING) });
  }
}
