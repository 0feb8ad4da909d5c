import { randomUUID } from 'node:crypto';
import {
  check,
  ConflictError,
  msg,
  NotFoundError,
  today,
  translateConstraint,
  useCase,
  ValidationError,
  inactiveOrganization,
} from '@cpb/kit';
import { OrganizationStore } from '../data/organization-store';
import { StructureStore } from '../data/structure-store';
import type { Community, Grid, ResidentUnit, ResidentUnitCategory, Street } from '../entities';
import { structureEvents } from '../events';
import type { Change, Policy } from './policy';
import type { Services } from './services';

export const createStreet = useCase({
  authorize({ policy }: Services, { input }: { input: { name: string; district: string } }) {
    policy.permit('createStreet');
    return input;
  },
  async change({ tx, outbox }, input) {
    const street: Street = { id: randomUUID(), name: check.name('name', input.name), district: check.name('district', input.district) };
    await new StructureStore(tx).insertStreet(street).catch((error: unknown) =>
      translateConstraint(error, {
        street_district_name_key: () => new ConflictError(msg('street.nameTaken', { district: input.district, name: street.name })),
      }),
    );
    await outbox.emit(structureEvents.streetCreated(street));
    return street;
  },
});

/** 网格: a community of some thousands of households has a few dozen grids; 200 leaves room and bounds every list. */
export const MAX_GRIDS_PER_COMMUNITY = 200;

function gridsOf(communityId: string, names: string[]): Grid[] {
  if (names.length > MAX_GRIDS_PER_COMMUNITY)
    throw new ValidationError('grids', msg('community.tooManyGrids', { max: MAX_GRIDS_PER_COMMUNITY }));
  const unique = new Set(names.map((n) => check.name('grids', n)));
  if (unique.size !== names.length) throw new ValidationError('grids', msg('grid.namesRepeat'));
  return [...unique].map((name) => ({ id: randomUUID(), communityId, name }));
}

/** The street, and its working committee's managers (or the district) as those who may add to it. */
async function streetInScope(policy: Policy, store: StructureStore, streetId: string): Promise<void> {
  if (!(await store.street(streetId))) throw new NotFoundError('Street', streetId, 'streetId');
  policy.streetLevel('createCommunity', await store.streetCommittee(streetId));
}

export const createCommunity = useCase({
  async authorize({ policy, reads }: Services, { input }: { input: { streetId: string; name: string; grids?: string[] | null } }) {
    const streetId = check.uuid('streetId', input.streetId);
    await streetInScope(policy, reads.structure, streetId);
    return { input, streetId, policy };
  },
  async change({ tx, outbox }, { input, streetId, policy }) {
    const store = new StructureStore(tx);
    await streetInScope(policy, store, streetId);
    const community: Community = { id: randomUUID(), streetId, name: check.name('name', input.name) };
    await store.insertCommunity(community).catch((error: unknown) =>
      translateConstraint(error, {
        community_street_id_name_key: () => new ConflictError(msg('community.nameTaken', { name: community.name })),
      }),
    );
    const grids = gridsOf(community.id, input.grids ?? []);
    await store.insertGrids(grids);
    await outbox.emit(structureEvents.communityCreated(community), ...grids.map(structureEvents.gridCreated));
    return community;
  },
});

/** A community (read before the transaction) its managers change: NOT_FOUND naming `field`, then the scope. */
async function communityInScope({ policy, reads }: Services, change: Change, id: string, field: string): Promise<void> {
  if (!(await reads.structure.community(id))) throw new NotFoundError('Community', id, field);
  await policy.inCommunity(change, reads.structure, id);
}

export const createGrid = useCase({
  async authorize(services: Services, args: { communityId: string; name: string }) {
    const id = check.uuid('communityId', args.communityId);
    await communityInScope(services, 'createGrid', id, 'communityId');
    return { id, name: args.name, policy: services.policy };
  },
  async change({ tx, outbox }, { id, name, policy }) {
    const store = new StructureStore(tx);
    if (!(await store.lockCommunity(id))) throw new NotFoundError('Community', id, 'communityId');
    await policy.inCommunity('createGrid', store, id);
    const [grid] = gridsOf(id, [name]);
    // The community's row lock (above) makes the count and the insert one step: no two requests pass the cap together.
    if ((await store.gridCount(id)) >= MAX_GRIDS_PER_COMMUNITY)
      throw new ConflictError(msg('community.gridLimitReached', { max: MAX_GRIDS_PER_COMMUNITY }));
    await store
      .insertGrids([grid])
      .catch((error: unknown) =>
        translateConstraint(error, { grid_community_id_name_key: () => new ConflictError(msg('grid.nameTaken', { name: grid.name })) }),
      );
    await outbox.emit(structureEvents.gridCreated(grid));
    return grid;
  },
});

/** The unique name of a unit in its community (resident_unit_community_id_name_key) refused in words: CONFLICT. */
export const unitNameTaken = (community: string, name: string) => ({
  resident_unit_community_id_name_key: () => new ConflictError(msg('residentUnit.nameTaken', { community, name })),
});

/** A resident unit's name, as createResidentUnit and the import (resident-unit-import) both check it. */
export const checkUnitName = (field: string, name: string) => check.name(field, name, 100);

export const createResidentUnit = useCase({
  async authorize(services: Services, { input }: { input: { communityId: string; name: string; category: ResidentUnitCategory } }) {
    const communityId = check.uuid('communityId', input.communityId);
    await communityInScope(services, 'createResidentUnit', communityId, 'communityId');
    return { input, communityId, policy: services.policy };
  },
  async change({ tx, outbox }, { input, communityId, policy }) {
    const store = new StructureStore(tx);
    const community = await store.lockCommunity(communityId);
    if (!community) throw new NotFoundError('Community', communityId, 'communityId');
    await policy.inCommunity('createResidentUnit', store, communityId);
    const unit: ResidentUnit = {
      id: randomUUID(),
      communityId,
      name: checkUnitName('name', input.name),
      category: input.category,
      organizationId: null,
    };
    await store.insertResidentUnit(unit).catch((error: unknown) => translateConstraint(error, unitNameTaken(community.name, unit.name)));
    await outbox.emit(structureEvents.residentUnitCreated(unit));
    return unit;
  },
});

/** A resident unit (read before the transaction) its community's managers change: NOT_FOUND naming `field`, then the scope. */
export async function unitInScope({ policy, reads }: Services, change: Change, id: string, field: string): Promise<ResidentUnit> {
  const unit = await reads.structure.residentUnit(id);
  if (!unit) throw new NotFoundError('ResidentUnit', id, field);
  await policy.inCommunity(change, reads.structure, unit.communityId);
  return unit;
}

/** Records a unit's own Party organisation; a current instructor's assignment ends, as the unit no longer needs one. */
export const linkResidentUnitOrganization = useCase({
  async authorize(services: Services, args: { residentUnitId: string; organizationId: string }) {
    const unit = await unitInScope(
      services,
      'linkResidentUnitOrganization',
      check.uuid('residentUnitId', args.residentUnitId),
      'residentUnitId',
    );
    return { unitId: unit.id, organizationId: args.organizationId, policy: services.policy };
  },
  async change({ tx, outbox }, { unitId, organizationId, policy }) {
    const store = new StructureStore(tx);
    const unit = await store.lockResidentUnit(unitId);
    if (!unit) throw new NotFoundError('ResidentUnit', unitId, 'residentUnitId');
    await policy.inCommunity('linkResidentUnitOrganization', store, unit.communityId);
    const organization = (await new OrganizationStore(tx).lock([check.uuid('organizationId', organizationId)])).get(organizationId);
    if (!organization) throw new NotFoundError('Organization', organizationId, 'organizationId');
    if (organization.status !== 'ACTIVE') throw new ConflictError(inactiveOrganization(organization));
    if (unit.organizationId === organizationId) return unit;
    if (organization.residentUnitId && organization.residentUnitId !== unit.id)
      throw new ConflictError(msg('organization.ofAnotherUnit', { name: organization.name }));
    await store.linkUnit(unit.id, organizationId);
    const instructor = await store.currentInstructor(unit.id);
    const on = today();
    if (instructor) {
      await store.endInstructor(instructor.id, on < instructor.startsOn ? instructor.startsOn : on);
      await outbox.emit(structureEvents.instructorEnded(instructor, on));
    }
    await outbox.emit(structureEvents.residentUnitLinked(unit, organizationId));
    return { ...unit, organizationId };
  },
});
