import { randomUUID } from 'node:crypto';
import { check, ConflictError, msg, now, NotFoundError, today, translateConstraint, useCase, ValidationError } from '@cpb/kit';
import { MeetingStore } from '../data/meeting-store';
import { OrganizationStore } from '../data/organization-store';
import { MEETING_TYPES, type Meeting, type MeetingType, type MeetingVersion, type Organization } from '../entities';
import { meetingEvents } from '../events';
import { buildAttendance, type AttendanceInput } from './attendance-rules';
import { meetingContent, type MeetingContent, type MeetingContentInput } from './meeting-content';
import { requireContentFacts, rosterOn } from './meeting-facts';
import { appliesTo, needsElectedCommittee } from './meeting-types';
import type { Change, Policy } from './policy';
import type { Services } from './services';

export interface RecordMeetingInput extends MeetingContentInput {
  organizationId: string;
  type: MeetingType;
  startsAt: string;
  attendance: AttendanceInput[];
}

export interface CorrectMeetingInput extends MeetingContentInput {
  /** The version corrected: a correction of an older one is refused (CONFLICT), never merged silently. */
  version: number;
  reason: string;
  attendance: AttendanceInput[];
}

/** The organisation the meeting belongs to, managed by the actor and active (checked again on the locked row). */
function managedActive(policy: Policy, change: Change, organization: Organization | undefined, organizationId: string): Organization {
  if (!organization) throw new NotFoundError('Organization', organizationId, 'organizationId');
  policy.within(change, organization);
  if (organization.status !== 'ACTIVE') throw new ConflictError(msg('meeting.organizationNotActive', { name: organization.name }));
  return organization;
}

async function requireType(services: Services, type: MeetingType, organization: Organization): Promise<void> {
  if (!MEETING_TYPES.includes(type) || !appliesTo(type, organization.kind))
    throw new ValidationError('type', msg('meeting.typeNotForKind', { kind: organization.kind, type }));
  if (!needsElectedCommittee(type, organization.kind)) return;
  if (!(await services.reads.structure.hasCommittee(organization.id)))
    throw new ValidationError('type', msg('meeting.committeeNeedsCommittee', { name: organization.name }));
}

function heldAt(value: string): Date {
  const startsAt = check.isoDateTime('startsAt', value);
  if (startsAt.getTime() > now().getTime()) throw new ValidationError('startsAt', msg('date.notInFuture', { field: 'startsAt' }));
  return startsAt;
}

function version(
  meetingId: string,
  number: number,
  content: MeetingContent,
  recordedBy: string,
  correctionReason: string | null,
): MeetingVersion {
  return { ...content, meetingId, version: number, correctionReason, recordedBy, recordedAt: now() };
}

/** Records a meeting held (三会一课) with the attendance of every member the organisation held that day. */
export const recordMeeting = useCase({
  async authorize(services: Services, { input }: { input: RecordMeetingInput }) {
    const organizationId = check.uuid('organizationId', input.organizationId);
    const organization = managedActive(
      services.policy,
      'recordMeeting',
      (await services.reads.organizations.find([organizationId])).get(organizationId),
      organizationId,
    );
    await requireType(services, input.type, organization);
    const startsAt = heldAt(input.startsAt);
    return { input, organization, startsAt, content: meetingContent(input.type, input), services };
  },
  async gather({ peers }: Services, allowed) {
    await requireContentFacts(peers, allowed.organization, allowed.content, allowed.startsAt);
    const day = today(allowed.startsAt);
    return { ...allowed, day, roster: await rosterOn(peers, allowed.organization.id, day) };
  },
  async change({ tx, outbox }, { input, organization: read, startsAt, content, services, day, roster }) {
    const organization = managedActive(
      services.policy,
      'recordMeeting',
      (await new OrganizationStore(tx).lock([read.id])).get(read.id),
      read.id,
    );
    const meeting: Meeting = {
      id: randomUUID(),
      organizationId: organization.id,
      type: input.type,
      startsAt,
      status: 'HELD',
      version: 1,
      cancelReason: null,
    };
    const attendance = buildAttendance({ id: meeting.id, version: 1, day, organizationName: organization.name }, roster, input.attendance);
    const store = new MeetingStore(tx);
    await store.insert(meeting).catch((error: unknown) =>
      translateConstraint(error, {
        meeting_one_per_slot_idx: () =>
          new ConflictError(
            msg('meeting.alreadyRecorded', { name: organization.name, type: input.type, startsAt: startsAt.toISOString() }),
          ),
      }),
    );
    await store.addVersion(version(meeting.id, 1, content, services.actor.sub, null), attendance);
    await outbox.emit(meetingEvents.recorded(meeting, attendance));
    return meeting;
  },
});

/** The meeting, its organisation managed by the actor; NOT_FOUND naming `id`. */
async function managedMeeting(services: Services, change: Change, id: string): Promise<{ meeting: Meeting; organization: Organization }> {
  const meeting = await services.reads.meetings.find(check.uuid('id', id));
  if (!meeting) throw new NotFoundError('Meeting', id, 'id');
  const organization = (await services.reads.organizations.find([meeting.organizationId])).get(meeting.organizationId)!;
  services.policy.within(change, organization);
  return { meeting, organization };
}

async function lockManaged(
  tx: ConstructorParameters<typeof MeetingStore>[0],
  policy: Policy,
  change: Change,
  id: string,
): Promise<{ meeting: Meeting; organization: Organization; store: MeetingStore }> {
  const store = new MeetingStore(tx);
  const meeting = await store.lock(id);
  if (!meeting) throw new NotFoundError('Meeting', id, 'id');
  const organization = (await new OrganizationStore(tx).lock([meeting.organizationId])).get(meeting.organizationId)!;
  policy.within(change, organization);
  if (meeting.status === 'CANCELLED') throw new ConflictError(msg('meeting.cancelled'));
  return { meeting, organization, store };
}

/** A correction after the fact: a new version with its own attendance; the earlier ones stay in the history. */
export const correctMeeting = useCase({
  async authorize(services: Services, args: { id: string; input: CorrectMeetingInput }) {
    const { meeting, organization } = await managedMeeting(services, 'correctMeeting', args.id);
    const reason = check.name('reason', args.input.reason, 200);
    return {
      meeting,
      organization,
      reason,
      expected: args.input.version,
      attendance: args.input.attendance,
      content: meetingContent(meeting.type, args.input),
      services,
    };
  },
  async gather({ peers }: Services, allowed) {
    await requireContentFacts(peers, allowed.organization, allowed.content, allowed.meeting.startsAt);
    const day = today(allowed.meeting.startsAt);
    return { ...allowed, day, roster: await rosterOn(peers, allowed.organization.id, day) };
  },
  async change({ tx, outbox }, { meeting: read, reason, expected, attendance: given, content, services, day, roster }) {
    const { meeting, organization, store } = await lockManaged(tx, services.policy, 'correctMeeting', read.id);
    if (meeting.version !== expected) throw new ConflictError(msg('meeting.versionStale', { current: meeting.version }));
    const next = meeting.version + 1;
    const attendance = buildAttendance({ id: meeting.id, version: next, day, organizationName: organization.name }, roster, given);
    await store.addVersion(version(meeting.id, next, content, services.actor.sub, reason), attendance);
    const corrected = { ...meeting, version: next };
    await outbox.emit(meetingEvents.corrected(corrected, attendance));
    return corrected;
  },
});

/** Withdraws a record made in error (the meeting did not take place): kept, marked CANCELLED with the reason. */
export const cancelMeeting = useCase({
  async authorize(services: Services, args: { id: string; reason: string }) {
    const { meeting } = await managedMeeting(services, 'cancelMeeting', args.id);
    return { id: meeting.id, reason: check.name('reason', args.reason, 200), policy: services.policy };
  },
  async change({ tx, outbox }, { id, reason, policy }) {
    const { meeting, store } = await lockManaged(tx, policy, 'cancelMeeting', id);
    await store.cancel(meeting.id, reason);
    const cancelled: Meeting = { ...meeting, status: 'CANCELLED', cancelReason: reason };
    await outbox.emit(meetingEvents.cancelled(cancelled));
    return cancelled;
  },
});
