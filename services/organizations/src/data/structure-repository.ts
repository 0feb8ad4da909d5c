import { In, IsNull, type DataSource } from 'typeorm';
import type { Page } from '@cpb/kit';
import { CommunityEntity, GridEntity, OrganizationEntity, PositionEntity, ResidentUnitEntity, StreetEntity, type Community, type Grid, type Organization, type Position, type ResidentUnit, type Street } from '../entities';

/** Sort key of community lists: by name, then id for a stable order. */
export type CommunityKey = [string, string];

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
  async communityPage(streetId: string | null, page: Page<CommunityKey>): Promise<{ rows: Community[]; total: number }> {
    const query = this.db.getRepository(CommunityEntity).createQueryBuilder('c');
    if (streetId) query.where('c.street_id = :streetId', { streetId });
    const total = await query.clone().getCount();
    if (page.after) query.andWhere('(c.name, c.id) > (:name, :id)', { name: page.after[0], id: page.after[1] });
    const rows = await query.orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC').limit(page.limit + 1).getMany();
    return { rows, total };
  }

  gridsByCommunityIds(communityIds: readonly string[]): Promise<Grid[]> {
    return this.db.getRepository(GridEntity).find({ where: { communityId: In([...communityIds]) }, order: { name: 'ASC' } });
  }

  residentUnitsByIds(ids: readonly string[]): Promise<ResidentUnit[]> {
    return this.db.getRepository(ResidentUnitEntity).findBy({ id: In([...ids]) });
  }

  residentUnitsByCommunityIds(communityIds: readonly string[]): Promise<ResidentUnit[]> {
    return this.db.getRepository(ResidentUnitEntity).find({ where: { communityId: In([...communityIds]) }, order: { name: 'ASC', id: 'ASC' } });
  }

  organizationsByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
  }

  childrenByParentIds(parentIds: readonly string[]): Promise<Organization[]> {
    return this.db.getRepository(OrganizationEntity).find({ where: { parentId: In([...parentIds]) }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** The active organisation of each community (一社区一组织). */
  communityOrganizations(communityIds: readonly string[]): Promise<Organization[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ communityId: In([...communityIds]), communityRoot: true, status: 'ACTIVE' });
  }

  /** Every organisation id in each root's subtree (the root included), by one range scan per root. */
  async subtreeIds(rootIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { root_id: string; ids: string[] }[] = await this.db.query(
      `SELECT r.id AS root_id, array_agg(o.id) AS ids
         FROM organization r JOIN organization o ON o.path >= r.path AND o.path < r.path || '~'
        WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
      [[...rootIds]],
    );
    return new Map(rows.map((r) => [r.root_id, r.ids]));
  }

  /** Current positions (endsOn null) of many organisations. */
  currentPositions(organizationIds: readonly string[]): Promise<Position[]> {
    return this.db.getRepository(PositionEntity).find({ where: { organizationId: In([...organizationIds]), endsOn: IsNull() }, order: { startsOn: 'ASC' } });
  }

  workingCommittees(streetIds: readonly string[]): Promise<Organization[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ streetId: In([...streetIds]), status: 'ACTIVE' });
  }
}
