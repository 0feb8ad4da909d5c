import { randomUUID } from 'node:crypto';
import { check, ConflictError, ForbiddenError, NotFoundError, requireRole, seesAll, todayIso, translateConstraint, ValidationError, type Actor, type UnitOfWork } from '@cpb/kit';
import { authorizeStreetLevel, authorizeWithin } from './authorization';
import { OrganizationStore } from '../data/organization-store';
import { StructureStore } from '../data/structure-store';
import type { Community, Grid, ResidentUnit, ResidentUnitCategory, Street } from '../entities';
import { structureEvents } from '../events';
import { inactive } from './placement';

/** Changes inside a community: whoever manages its organisation (or, before it has one, its street). */
export async function authorizeInCommunity(store: StructureStore, actor: Actor, communityId: string): Promise<void> {
  if (seesAll(actor)) return;
  const scope = await store.communityScope(communityId);
  if (!scope) throw new ForbiddenError('Only district administrators manage a community whose street has no working committee');
  authorizeWithin(actor, scope);
}


export async function createStreet({ tx, outbox, actor }: UnitOfWork, input: { name: string; district: string }): Promise<Street> {
  requireRole(actor, 'DISTRICT_ADMIN');
  const street: Street = { id: randomUUID(), name: check.name('name', input.name), district: check.name('district', input.district) };
  await new StructureStore(tx).insertStreet(street).catch((error: unknown) =>
    translateConstraint(error, { street_district_name_key: () => new ConflictError(`${input.district} already has a street named ${street.name}`) }),
  );
  await outbox.emit(structureEvents.streetCreated(street));
  return street;
}

/** 网格: a community of some thousands of households has a few dozen grids; 200 leaves room and bounds every list. */
export const MAX_GRIDS_PER_COMMUNITY = 200;

function gridsOf(communityId: string, names: string[]): Grid[] {
  if (names.length > MAX_GRIDS_PER_COMMUNITY) throw new ValidationError('grids', `A community has at most ${MAX_GRIDS_PER_COMMUNITY} grids`);
  const unique = new Set(names.map((n) => check.name('grids', n)));
  if (unique.size !== names.length) throw new ValidationError('grids', 'Grid names must differ');
  return [...unique].map((name) => ({ id: randomUUID(), communityId, name }));
}

export async function createCommunity({ tx, outbox, actor }: UnitOfWork, input: { streetId: string; name: string; grids?: string[] | null }): Promise<Community> {
  const store = new StructureStore(tx);
  const streetId = check.uuid('streetId', input.streetId);
  if (!(await store.street(streetId))) throw new NotFoundError('Street', streetId, 'streetId');
  if (actor.role !== 'DISTRICT_ADMIN') authorizeStreetLevel(actor, await store.streetCommittee(streetId));
  const community: Community = { id: randomUUID(), streetId, name: check.name('name', input.name) };
  await store.insertCommunity(community).catch((error: unknown) =>
    translateConstraint(error, { community_street_id_name_key: () => new ConflictError(`The street already has a community named ${community.name}`) }),
  );
  const grids = gridsOf(community.id, input.grids ?? []);
  await store.insertGrids(grids);
  await outbox.emit(structureEvents.communityCreated(community), ...grids.map(structureEvents.gridCreated));
  return community;
}

export async function createGrid({ tx, outbox, actor }: UnitOfWork, communityId: string, name: string): Promise<Grid> {
  const store = new StructureStore(tx);
  const id = check.uuid('communityId', communityId);
  if (!(await store.lockCommunity(id))) throw new NotFoundError('Community', id, 'communityId');
  await authorizeInCommunity(store, actor, id);
  const [grid] = gridsOf(id, [name]);
  // The community's row lock (above) makes the count and the insert one step: no two requests pass the cap together.
  if ((await store.gridCount(id)) >= MAX_GRIDS_PER_COMMUNITY) throw new ConflictError(`The community already has ${MAX_GRIDS_PER_COMMUNITY} grids, the most it may have`);
  await store.insertGrids([grid]).catch((error: unknown) =>
    translateConstraint(error, { grid_community_id_name_key: () => new ConflictError(`The community already has a grid named ${grid.name}`) }),
  );
  await outbox.emit(structureEvents.gridCreated(grid));
  return grid;
}

export async function createResidentUnit({ tx, outbox, actor }: UnitOfWork, input: { communityId: string; name: string; category: ResidentUnitCategory }): Promise<ResidentUnit> {
  const store = new StructureStore(tx);
  const communityId = check.uuid('communityId', input.communityId);
  if (!(await store.lockCommunity(communityId))) throw new NotFoundError('Community', communityId, 'communityId');
  await authorizeInCommunity(store, actor, communityId);
  const unit: ResidentUnit = { id: randomUUID(), communityId, name: check.name('name', input.name, 100), category: input.category, organizationId: null };
  await store.insertResidentUnit(unit);
  await outbox.emit(structureEvents.residentUnitCreated(unit));
  return unit;
}

/** Records a unit's own Party organisation; a current instructor's assignment ends, as the unit no longer needs one. */
export async function linkResidentUnitOrganization({ tx, outbox, actor }: UnitOfWork, residentUnitId: string, organizationId: string): Promise<ResidentUnit> {
  const store = new StructureStore(tx);
  const unit = await store.lockResidentUnit(check.uuid('residentUnitId', residentUnitId));
  if (!unit) throw new NotFoundError('ResidentUnit', residentUnitId, 'residentUnitId');
  await authorizeInCommunity(store, actor, unit.communityId);
  const organization = (await new OrganizationStore(tx).lock([check.uuid('organizationId', organizationId)])).get(organizationId);
  if (!organization) throw new NotFoundError('Organization', organizationId, 'organizationId');
  if (organization.status !== 'ACTIVE') throw new ConflictError(inactive(organization));
  if (unit.organizationId === organizationId) return unit;
  if (organization.residentUnitId && organization.residentUnitId !== unit.id) throw new ConflictError(`${organization.name} is already the organisation of another unit`);
  await store.linkUnit(unit.id, organizationId);
  const instructor = await store.currentInstructor(unit.id);
  const today = todayIso();
  if (instructor) {
    await store.endInstructor(instructor.id, today < instructor.startsOn ? instructor.startsOn : today);
    await outbox.emit(structureEvents.instructorEnded(instructor, today));
  }
  await outbox.emit(structureEvents.residentUnitLinked(unit, organizationId));
  return { ...unit, organizationId };
}
