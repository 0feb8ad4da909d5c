import { In, IsNull, Not, type EntityManager } from 'typeorm';
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

/**
 * Writes of streets, communities, grids, units, instructors and positions inside one transaction; the
 * unlocked reads (`street`, `community`, `residentUnit`, `position`, `instructor`, `communityScope`,
 * `streetCommittee`) also serve a use case's authorisation before its transaction opens.
 */
export class StructureStore {
  constructor(private readonly tx: EntityManager) {}

  insertStreet(street: Street): Promise<unknown> {
    return this.tx.getRepository(StreetEntity).insert(street);
  }

  street(id: string): Promise<Street | null> {
    return this.tx.getRepository(StreetEntity).findOneBy({ id });
  }

  /** The organisation whose managers govern a community: its own organisation, else its street's committee. */
  async communityScope(communityId: string): Promise<Organization | null> {
    const rows: Organization[] = await this.tx.getRepository(OrganizationEntity).query(
      `SELECT o.id, o.name, o.path FROM organization o
        WHERE o.status IN ('ACTIVE', 'CLOSING') AND ((o.community_id = $1 AND o.community_root)
           OR o.street_id = (SELECT street_id FROM community WHERE id = $1))
        ORDER BY o.community_root DESC LIMIT 1`,
      [communityId],
    );
    return rows[0] ?? null;
  }

  streetCommittee(streetId: string): Promise<Organization | null> {
    return this.tx.getRepository(OrganizationEntity).findOneBy({ streetId, status: In(LIVING) });
  }

  insertCommunity(community: Community): Promise<unknown> {
    return this.tx.getRepository(CommunityEntity).insert(community);
  }

  community(id: string): Promise<Community | null> {
    return this.tx.getRepository(CommunityEntity).findOneBy({ id });
  }

  residentUnit(id: string): Promise<ResidentUnit | null> {
    return this.tx.getRepository(ResidentUnitEntity).findOneBy({ id });
  }

  position(id: string): Promise<Position | null> {
    return this.tx.getRepository(PositionEntity).findOneBy({ id });
  }

  instructor(id: string): Promise<InstructorAssignment | null> {
    return this.tx.getRepository(InstructorAssignmentEntity).findOneBy({ id });
  }

  /** Locks the community row so concurrent changes to it queue up. */
  lockCommunity(id: string): Promise<Community | null> {
    return this.tx.getRepository(CommunityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  gridCount(communityId: string): Promise<number> {
    return this.tx.getRepository(GridEntity).countBy({ communityId });
  }

  insertGrids(grids: Grid[]): Promise<unknown> {
    return grids.length ? this.tx.getRepository(GridEntity).insert(grids) : Promise.resolve();
  }

  insertResidentUnit(unit: ResidentUnit): Promise<unknown> {
    return this.tx.getRepository(ResidentUnitEntity).insert(unit);
  }

  lockResidentUnit(id: string): Promise<ResidentUnit | null> {
    return this.tx.getRepository(ResidentUnitEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async linkUnit(unitId: string, organizationId: string): Promise<void> {
    await this.tx.getRepository(ResidentUnitEntity).update({ id: unitId }, { organizationId });
    await this.tx.getRepository(OrganizationEntity).update({ id: organizationId }, { residentUnitId: unitId });
  }

  currentInstructor(unitId: string): Promise<InstructorAssignment | null> {
    return this.tx
      .getRepository(InstructorAssignmentEntity)
      .findOne({ where: { residentUnitId: unitId, endsOn: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  insertInstructor(assignment: InstructorAssignment): Promise<unknown> {
    return this.tx.getRepository(InstructorAssignmentEntity).insert(assignment);
  }

  lockInstructor(id: string): Promise<InstructorAssignment | null> {
    return this.tx.getRepository(InstructorAssignmentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  endInstructor(id: string, endsOn: string): Promise<unknown> {
    return this.tx.getRepository(InstructorAssignmentEntity).update({ id }, { endsOn });
  }

  insertPosition(position: Position): Promise<unknown> {
    return this.tx.getRepository(PositionEntity).insert(position);
  }

  lockPosition(id: string): Promise<Position | null> {
    return this.tx.getRepository(PositionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether the organisation has an elected committee: a current seat beside the secretary's. */
  async hasCommittee(organizationId: string): Promise<boolean> {
    return (await this.tx.getRepository(PositionEntity).count({ where: { organizationId, endsOn: IsNull(), role: Not('SECRETARY') } })) > 0;
  }

  endPosition(id: string, endsOn: string): Promise<unknown> {
    return this.tx.getRepository(PositionEntity).update({ id }, { endsOn });
  }
}
