import { importCommitted, type CommittedImport, type DomainEvent } from '@cpb/kit';
import { attendanceCounts } from './domain/attendance-rules';
import type {
  Community,
  Grid,
  InstructorAssignment,
  Meeting,
  MeetingAttendance,
  Organization,
  Position,
  ResidentUnit,
  Street,
} from './entities';

/** The event types this service emits (schemas in schemas/events/<type>.json); no personal data. */
export const organizationEvents = {
  created: (o: Organization): DomainEvent => ({
    type: 'organization.created',
    aggregateType: 'organization',
    aggregateId: o.id,
    data: {
      organizationId: o.id,
      name: o.name,
      kind: o.kind,
      scope: o.scope,
      parentId: o.parentId,
      communityId: o.communityId,
      residentUnitId: o.residentUnitId,
      establishedOn: o.establishedOn,
    },
  }),
  renamed: (o: Organization, name: string): DomainEvent => ({
    type: 'organization.renamed',
    aggregateType: 'organization',
    aggregateId: o.id,
    data: { organizationId: o.id, name, previousName: o.name },
  }),
  moved: (o: Organization, toParentId: string): DomainEvent => ({
    type: 'organization.moved',
    aggregateType: 'organization',
    aggregateId: o.id,
    data: { organizationId: o.id, fromParentId: o.parentId, toParentId },
  }),
  dissolved: (o: Organization, dissolvedOn: string): DomainEvent => ({
    type: 'organization.dissolved',
    aggregateType: 'organization',
    aggregateId: o.id,
    data: { organizationId: o.id, dissolvedOn },
  }),
};

export const positionEvents = {
  appointed: (p: Position): DomainEvent => ({
    type: 'position.appointed',
    aggregateType: 'organization',
    aggregateId: p.organizationId,
    data: {
      positionId: p.id,
      organizationId: p.organizationId,
      memberId: p.memberId,
      role: p.role,
      fromUnitId: p.fromUnitId,
      alsoChairsResidentsCommittee: p.alsoChairsResidentsCommittee,
      startsOn: p.startsOn,
    },
  }),
  ended: (p: Position, endsOn: string): DomainEvent => ({
    type: 'position.ended',
    aggregateType: 'organization',
    aggregateId: p.organizationId,
    data: { positionId: p.id, organizationId: p.organizationId, memberId: p.memberId, role: p.role, endsOn },
  }),
};

export const structureEvents = {
  streetCreated: (s: Street): DomainEvent => ({
    type: 'street.created',
    aggregateType: 'street',
    aggregateId: s.id,
    data: { streetId: s.id, name: s.name, district: s.district },
  }),
  communityCreated: (c: Community): DomainEvent => ({
    type: 'community.created',
    aggregateType: 'community',
    aggregateId: c.id,
    data: { communityId: c.id, streetId: c.streetId, name: c.name },
  }),
  gridCreated: (g: Grid): DomainEvent => ({
    type: 'grid.created',
    aggregateType: 'community',
    aggregateId: g.communityId,
    data: { gridId: g.id, communityId: g.communityId, name: g.name },
  }),
  residentUnitCreated: (u: ResidentUnit): DomainEvent => ({
    type: 'resident-unit.created',
    aggregateType: 'resident-unit',
    aggregateId: u.id,
    data: { residentUnitId: u.id, communityId: u.communityId, name: u.name, category: u.category },
  }),
  residentUnitLinked: (u: ResidentUnit, organizationId: string): DomainEvent => ({
    type: 'resident-unit.linked',
    aggregateType: 'resident-unit',
    aggregateId: u.id,
    data: { residentUnitId: u.id, organizationId },
  }),
  instructorAssigned: (a: InstructorAssignment): DomainEvent => ({
    type: 'instructor.assigned',
    aggregateType: 'resident-unit',
    aggregateId: a.residentUnitId,
    data: { assignmentId: a.id, residentUnitId: a.residentUnitId, memberId: a.memberId, startsOn: a.startsOn },
  }),
  instructorEnded: (a: InstructorAssignment, endsOn: string): DomainEvent => ({
    type: 'instructor.ended',
    aggregateType: 'resident-unit',
    aggregateId: a.residentUnitId,
    data: { assignmentId: a.id, residentUnitId: a.residentUnitId, memberId: a.memberId, endsOn },
  }),
};

/** Organisational life (三会一课): ids, the type, the time and attendance counts; no names, no minutes. */
const meetingData = (m: Meeting) => ({
  meetingId: m.id,
  organizationId: m.organizationId,
  type: m.type,
  startsAt: m.startsAt.toISOString(),
  version: m.version,
});
/** One bulk import of resident units (issue 18): the audit record of the act; each unit it created has its own resident-unit.created. */
export const residentUnitImportEvents = {
  committed: (i: CommittedImport) => importCommitted('resident-unit-import.committed', i),
};

export const meetingEvents = {
  recorded: (m: Meeting, attendance: MeetingAttendance[]): DomainEvent => ({
    type: 'meeting.recorded',
    aggregateType: 'organization',
    aggregateId: m.organizationId,
    data: { ...meetingData(m), ...attendanceCounts(attendance) },
  }),
  corrected: (m: Meeting, attendance: MeetingAttendance[]): DomainEvent => ({
    type: 'meeting.corrected',
    aggregateType: 'organization',
    aggregateId: m.organizationId,
    data: { ...meetingData(m), ...attendanceCounts(attendance) },
  }),
  cancelled: (m: Meeting): DomainEvent => ({
    type: 'meeting.cancelled',
    aggregateType: 'organization',
    aggregateId: m.organizationId,
    data: meetingData(m),
  }),
};

/** The district's rhythm of one meeting type changed (docs/decisions/0018): the type and its months. */
export const meetingRhythmEvents = {
  set: (r: { id: string; type: string; everyMonths: number }): DomainEvent => ({
    type: 'meeting-rhythm.set',
    aggregateType: 'meeting-rhythm',
    aggregateId: r.id,
    data: { rhythmId: r.id, type: r.type, everyMonths: r.everyMonths },
  }),
};
