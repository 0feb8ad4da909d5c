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
  type Peers,
  inactiveOrganization,
} from '@cpb/kit';
import { OrganizationStore } from '../data/organization-store';
import { StructureStore } from '../data/structure-store';
import type { InstructorAssignment, Organization, Position, PositionRole, ResidentUnit } from '../entities';
import { positionEvents, structureEvents } from '../events';
import type { Policy } from './policy';
import type { Services } from './services';
import { unitInScope } from './structure';

export interface AppointPositionInput {
  organizationId: string;
  memberId: string;
  role: PositionRole;
  fromUnitId?: string | null;
  alsoChairsResidentsCommittee?: boolean | null;
  startsOn?: string | null;
}

/** Members live in the members service: ask it, so nobody is appointed who does not exist. */
async function requireMember(peers: Peers, memberId: string): Promise<void> {
  await peers.require('Member', [memberId], 'memberId');
}

function endDate(field: string, endsOn: string | null | undefined, startsOn: string): string {
  const on = check.isoDate(field, endsOn ?? today());
  if (on < startsOn) throw new ValidationError(field, msg('position.endBeforeStart', { field, startsOn }));
  return on;
}

/** The organisation a position is held in (NOT_FOUND naming `organizationId`), changed by its managers. */
function managedOrganization(policy: Policy, organization: Organization | undefined, organizationId: string): Organization {
  if (!organization) throw new NotFoundError('Organization', organizationId, 'organizationId');
  policy.within('appointPosition', organization);
  return organization;
}

/** Positions are filled only in an ACTIVE organisation (not one being dissolved). */
function checkOpen(organization: Organization): void {
  if (organization.status !== 'ACTIVE') throw new ConflictError(inactiveOrganization(organization));
}

export const appointPosition = useCase({
  async authorize({ policy, reads }: Services, { input }: { input: AppointPositionInput }) {
    const organizationId = check.uuid('organizationId', input.organizationId);
    const memberId = check.uuid('memberId', input.memberId);
    const alsoChairs = input.alsoChairsResidentsCommittee ?? false;
    if (alsoChairs && input.role !== 'SECRETARY')
      throw new ValidationError('alsoChairsResidentsCommittee', msg('position.onlySecretaryChairs'));
    if ((input.role === 'PART_TIME_COMMITTEE_MEMBER') !== Boolean(input.fromUnitId)) {
      throw new ValidationError('fromUnitId', msg('position.partTimeFromUnit'));
    }
    checkOpen(managedOrganization(policy, (await reads.organizations.find([organizationId])).get(organizationId), organizationId));
    const fromUnitId = input.fromUnitId ? check.uuid('fromUnitId', input.fromUnitId) : null;
    if (fromUnitId && !(await reads.structure.residentUnit(fromUnitId))) throw new NotFoundError('ResidentUnit', fromUnitId, 'fromUnitId');
    return { input, organizationId, memberId, alsoChairs, fromUnitId, policy };
  },
  async gather({ peers }: Services, appointment) {
    await requireMember(peers, appointment.memberId);
    return appointment;
  },
  async change({ tx, outbox }, { input, organizationId, memberId, alsoChairs, fromUnitId, policy }) {
    const organization = managedOrganization(
      policy,
      (await new OrganizationStore(tx).lock([organizationId])).get(organizationId),
      organizationId,
    );
    checkOpen(organization);
    const store = new StructureStore(tx);
    if (fromUnitId && !(await store.lockResidentUnit(fromUnitId))) throw new NotFoundError('ResidentUnit', fromUnitId, 'fromUnitId');
    const position: Position = {
      id: randomUUID(),
      organizationId,
      memberId,
      role: input.role,
      fromUnitId,
      alsoChairsResidentsCommittee: alsoChairs,
      startsOn: check.isoDate('startsOn', input.startsOn ?? today()),
      endsOn: null,
    };
    await store.insertPosition(position).catch((error: unknown) =>
      translateConstraint(error, {
        position_one_secretary_idx: () => new ConflictError(msg('position.secretaryTaken', { name: organization.name })),
        position_member_role_idx: () => new ConflictError(msg('position.alreadyHeld')),
      }),
    );
    await outbox.emit(positionEvents.appointed(position));
    return position;
  },
});

export const endPosition = useCase({
  async authorize({ policy, reads }: Services, args: { id: string; endsOn?: string | null }) {
    const position = await reads.structure.position(check.uuid('id', args.id));
    if (!position) throw new NotFoundError('Position', args.id, 'id');
    policy.within('endPosition', (await reads.organizations.find([position.organizationId])).get(position.organizationId)!);
    return { id: position.id, endsOn: args.endsOn, policy };
  },
  async change({ tx, outbox }, { id, endsOn, policy }) {
    const store = new StructureStore(tx);
    const position = await store.lockPosition(id);
    if (!position) throw new NotFoundError('Position', id, 'id');
    const organization = (await new OrganizationStore(tx).lock([position.organizationId])).get(position.organizationId)!;
    policy.within('endPosition', organization);
    if (position.endsOn) throw new ConflictError(msg('position.alreadyEnded'));
    const on = endDate('endsOn', endsOn, position.startsOn);
    await store.endPosition(position.id, on);
    await outbox.emit(positionEvents.ended(position, on));
    return { ...position, endsOn: on };
  },
});

function checkNeedsInstructor(unit: ResidentUnit): void {
  if (unit.organizationId) throw new ConflictError(msg('instructor.unitHasOrganization', { name: unit.name }));
}

export const assignInstructor = useCase({
  async authorize(services: Services, args: { residentUnitId: string; memberId: string; startsOn?: string | null }) {
    const unit = await unitInScope(services, 'assignInstructor', check.uuid('residentUnitId', args.residentUnitId), 'residentUnitId');
    checkNeedsInstructor(unit);
    return { unitId: unit.id, memberId: check.uuid('memberId', args.memberId), startsOn: args.startsOn, policy: services.policy };
  },
  async gather({ peers }: Services, assignment) {
    await requireMember(peers, assignment.memberId);
    return assignment;
  },
  async change({ tx, outbox }, { unitId, memberId, startsOn, policy }) {
    const store = new StructureStore(tx);
    const unit = await store.lockResidentUnit(unitId);
    if (!unit) throw new NotFoundError('ResidentUnit', unitId, 'residentUnitId');
    await policy.inCommunity('assignInstructor', store, unit.communityId);
    checkNeedsInstructor(unit);
    const assignment: InstructorAssignment = {
      id: randomUUID(),
      residentUnitId: unit.id,
      memberId,
      startsOn: check.isoDate('startsOn', startsOn ?? today()),
      endsOn: null,
    };
    await store.insertInstructor(assignment).catch((error: unknown) =>
      translateConstraint(error, {
        instructor_current_idx: () => new ConflictError(msg('instructor.alreadyAssigned', { name: unit.name })),
      }),
    );
    await outbox.emit(structureEvents.instructorAssigned(assignment));
    return assignment;
  },
});

export const endInstructorAssignment = useCase({
  async authorize({ policy, reads }: Services, args: { id: string; endsOn?: string | null }) {
    const assignment = await reads.structure.instructor(check.uuid('id', args.id));
    if (!assignment) throw new NotFoundError('InstructorAssignment', args.id, 'id');
    const unit = (await reads.structure.residentUnit(assignment.residentUnitId))!;
    await policy.inCommunity('endInstructorAssignment', reads.structure, unit.communityId);
    return { id: assignment.id, endsOn: args.endsOn, policy };
  },
  async change({ tx, outbox }, { id, endsOn, policy }) {
    const store = new StructureStore(tx);
    const assignment = await store.lockInstructor(id);
    if (!assignment) throw new NotFoundError('InstructorAssignment', id, 'id');
    const unit = (await store.lockResidentUnit(assignment.residentUnitId))!;
    await policy.inCommunity('endInstructorAssignment', store, unit.communityId);
    if (assignment.endsOn) throw new ConflictError(msg('instructor.alreadyEnded'));
    const on = endDate('endsOn', endsOn, assignment.startsOn);
    await store.endInstructor(assignment.id, on);
    await outbox.emit(structureEvents.instructorEnded(assignment, on));
    return { ...assignment, endsOn: on };
  },
});
