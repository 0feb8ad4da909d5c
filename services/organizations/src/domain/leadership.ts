import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, todayIso, translateConstraint, ValidationError, type Peers, type UnitOfWork } from '@cpb/kit';
import { OrganizationStore } from '../data/organization-store';
import { StructureStore } from '../data/structure-store';
import type { InstructorAssignment, Position, PositionRole } from '../entities';
import { positionEvents, structureEvents } from '../events';
import { authorizeWithin } from './authorization';
import { authorizeInCommunity } from './structure';
import { inactive } from './placement';

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
  const [member] = await peers.members.entities<{ id: string }>('Member', [memberId], 'id');
  if (!member) throw new NotFoundError('Member', memberId, 'memberId');
}

function endDate(field: string, endsOn: string | null | undefined, startsOn: string): string {
  const on = check.isoDate(field, endsOn ?? todayIso());
  if (on < startsOn) throw new ValidationError(field, `${field} cannot be before the start (${startsOn})`);
  return on;
}

export async function appointPosition({ tx, outbox, actor }: UnitOfWork, peers: Peers, input: AppointPositionInput): Promise<Position> {
  const organizationId = check.uuid('organizationId', input.organizationId);
  const memberId = check.uuid('memberId', input.memberId);
  const alsoChairs = input.alsoChairsResidentsCommittee ?? false;
  if (alsoChairs && input.role !== 'SECRETARY') throw new ValidationError('alsoChairsResidentsCommittee', 'Only the secretary can also chair the residents\' committee (一肩挑)');
  if ((input.role === 'PART_TIME_COMMITTEE_MEMBER') !== Boolean(input.fromUnitId)) {
    throw new ValidationError('fromUnitId', 'A part-time committee member (兼职委员) comes from a resident unit; other roles name none');
  }
  const organization = (await new OrganizationStore(tx).lock([organizationId])).get(organizationId);
  if (!organization) throw new NotFoundError('Organization', organizationId, 'organizationId');
  authorizeWithin(actor, organization);
  if (organization.status !== 'ACTIVE') throw new ConflictError(inactive(organization));
  const store = new StructureStore(tx);
  const fromUnitId = input.fromUnitId ? check.uuid('fromUnitId', input.fromUnitId) : null;
  if (fromUnitId && !(await store.lockResidentUnit(fromUnitId))) throw new NotFoundError('ResidentUnit', fromUnitId, 'fromUnitId');
  await requireMember(peers, memberId);
  const position: Position = {
    id: randomUUID(),
    organizationId,
    memberId,
    role: input.role,
    fromUnitId,
    alsoChairsResidentsCommittee: alsoChairs,
    startsOn: check.isoDate('startsOn', input.startsOn ?? todayIso()),
    endsOn: null,
  };
  await store.insertPosition(position).catch((error: unknown) =>
    translateConstraint(error, {
      position_one_secretary_idx: () => new ConflictError(`${organization.name} already has a current secretary: end that position first`),
      position_member_role_idx: () => new ConflictError('This member already holds this position'),
    }),
  );
  await outbox.emit(positionEvents.appointed(position));
  return position;
}

export async function endPosition({ tx, outbox, actor }: UnitOfWork, id: string, endsOn?: string | null): Promise<Position> {
  const store = new StructureStore(tx);
  const position = await store.lockPosition(check.uuid('id', id));
  if (!position) throw new NotFoundError('Position', id, 'id');
  const organization = (await new OrganizationStore(tx).lock([position.organizationId])).get(position.organizationId)!;
  authorizeWithin(actor, organization);
  if (position.endsOn) throw new ConflictError('This position has already ended');
  const on = endDate('endsOn', endsOn, position.startsOn);
  await store.endPosition(position.id, on);
  await outbox.emit(positionEvents.ended(position, on));
  return { ...position, endsOn: on };
}

export async function assignInstructor({ tx, outbox, actor }: UnitOfWork, peers: Peers, residentUnitId: string, memberId: string, startsOn?: string | null): Promise<InstructorAssignment> {
  const store = new StructureStore(tx);
  const unit = await store.lockResidentUnit(check.uuid('residentUnitId', residentUnitId));
  if (!unit) throw new NotFoundError('ResidentUnit', residentUnitId, 'residentUnitId');
  await authorizeInCommunity(store, actor, unit.communityId);
  if (unit.organizationId) throw new ConflictError(`${unit.name} has its own Party organisation and needs no instructor`);
  await requireMember(peers, check.uuid('memberId', memberId));
  const assignment: InstructorAssignment = { id: randomUUID(), residentUnitId: unit.id, memberId, startsOn: check.isoDate('startsOn', startsOn ?? todayIso()), endsOn: null };
  await store.insertInstructor(assignment).catch((error: unknown) =>
    translateConstraint(error, { instructor_current_idx: () => new ConflictError(`${unit.name} already has a current instructor: end that assignment first`) }),
  );
  await outbox.emit(structureEvents.instructorAssigned(assignment));
  return assignment;
}

export async function endInstructorAssignment({ tx, outbox, actor }: UnitOfWork, id: string, endsOn?: string | null): Promise<InstructorAssignment> {
  const store = new StructureStore(tx);
  const assignment = await store.lockInstructor(check.uuid('id', id));
  if (!assignment) throw new NotFoundError('InstructorAssignment', id, 'id');
  const unit = (await store.lockResidentUnit(assignment.residentUnitId))!;
  await authorizeInCommunity(store, actor, unit.communityId);
  if (assignment.endsOn) throw new ConflictError('This assignment has already ended');
  const on = endDate('endsOn', endsOn, assignment.startsOn);
  await store.endInstructor(assignment.id, on);
  await outbox.emit(structureEvents.instructorEnded(assignment, on));
  return { ...assignment, endsOn: on };
}
