import { importCommitted, type CommittedImport, type DomainEvent } from '@cpb/kit';
import type { Activity, Participation, ServiceHours, TeamMembership, VolunteerTeam } from './entities';

/**
 * The event types this service emits (schemas in schemas/events/<type>.json). Members appear by
 * id only: no names or other personal data. Participation events are keyed by their activity, so
 * one activity's story (published, signed up, checked in, completed, credited) stays in order.
 */
export const teamEvents = {
  created: (t: VolunteerTeam): DomainEvent => ({
    type: 'team.created',
    aggregateType: 'volunteer-team',
    aggregateId: t.id,
    data: {
      teamId: t.id,
      name: t.name,
      specialty: t.specialty,
      organizationId: t.organizationId,
      communityId: t.communityId,
      leaderId: t.leaderId,
      foundedOn: t.foundedOn,
    },
  }),
  memberJoined: (m: TeamMembership): DomainEvent => ({
    type: 'team.member-joined',
    aggregateType: 'volunteer-team',
    aggregateId: m.teamId,
    data: { membershipId: m.id, teamId: m.teamId, memberId: m.memberId, joinedOn: m.joinedOn },
  }),
  memberLeft: (m: TeamMembership, leftOn: string): DomainEvent => ({
    type: 'team.member-left',
    aggregateType: 'volunteer-team',
    aggregateId: m.teamId,
    data: { membershipId: m.id, teamId: m.teamId, memberId: m.memberId, leftOn },
  }),
  disbanded: (t: VolunteerTeam, currentMembers: number): DomainEvent => ({
    type: 'team.disbanded',
    aggregateType: 'volunteer-team',
    aggregateId: t.id,
    data: { teamId: t.id, organizationId: t.organizationId, communityId: t.communityId, disbandedOn: t.disbandedOn, currentMembers },
  }),
  leaderChanged: (t: VolunteerTeam, leaderId: string): DomainEvent => ({
    type: 'team.leader-changed',
    aggregateType: 'volunteer-team',
    aggregateId: t.id,
    data: { teamId: t.id, leaderId, previousLeaderId: t.leaderId },
  }),
};

/** One bulk import of team memberships (issue 18): the audit record of the act; each membership it created has its own team.member-joined. */
export const membershipImportEvents = {
  committed: (i: CommittedImport) => importCommitted('team-membership-import.committed', i),
};

export const activityEvents = {
  published: (a: Activity): DomainEvent => ({
    type: 'activity.published',
    aggregateType: 'activity',
    aggregateId: a.id,
    data: {
      activityId: a.id,
      title: a.title,
      kind: a.kind,
      organizerId: a.organizerId,
      communityId: a.communityId,
      teamId: a.teamId,
      coOrganizerIds: a.coOrganizerIds,
      venueBookingId: a.venueBookingId,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      capacity: a.capacity,
    },
  }),
  /** `a` as it was; members signed up stay signed up, and are counted. */
  rescheduled: (a: Activity, to: { startsAt: Date; endsAt: Date }): DomainEvent => ({
    type: 'activity.rescheduled',
    aggregateType: 'activity',
    aggregateId: a.id,
    data: {
      activityId: a.id,
      communityId: a.communityId,
      organizerId: a.organizerId,
      venueBookingId: a.venueBookingId,
      startsAt: to.startsAt.toISOString(),
      endsAt: to.endsAt.toISOString(),
      previousStartsAt: a.startsAt.toISOString(),
      previousEndsAt: a.endsAt.toISOString(),
      signedUp: a.signedUpCount,
    },
  }),
  capacityChanged: (a: Activity, capacity: number): DomainEvent => ({
    type: 'activity.capacity-changed',
    aggregateType: 'activity',
    aggregateId: a.id,
    data: { activityId: a.id, capacity, previousCapacity: a.capacity },
  }),
  cancelled: (a: Activity, cancelledSignUps: number): DomainEvent => ({
    type: 'activity.cancelled',
    aggregateType: 'activity',
    aggregateId: a.id,
    data: { activityId: a.id, communityId: a.communityId, wasPublished: a.status === 'PUBLISHED', cancelledSignUps },
  }),
  completed: (a: Activity, completedAt: Date, outcome: { attended: number; noShows: number; hours: number }): DomainEvent => ({
    type: 'activity.completed',
    aggregateType: 'activity',
    aggregateId: a.id,
    data: {
      activityId: a.id,
      communityId: a.communityId,
      organizerId: a.organizerId,
      teamId: a.teamId,
      completedAt: completedAt.toISOString(),
      ...outcome,
    },
  }),
};

export const participationEvents = {
  signedUp: (p: Participation): DomainEvent => ({
    type: 'participation.signed-up',
    aggregateType: 'activity',
    aggregateId: p.activityId,
    data: { participationId: p.id, activityId: p.activityId, memberId: p.memberId, signedUpAt: p.signedUpAt.toISOString() },
  }),
  cancelled: (p: Participation): DomainEvent => ({
    type: 'participation.cancelled',
    aggregateType: 'activity',
    aggregateId: p.activityId,
    data: { participationId: p.id, activityId: p.activityId, memberId: p.memberId },
  }),
  checkedIn: (p: Participation, at: Date): DomainEvent => ({
    type: 'participation.checked-in',
    aggregateType: 'activity',
    aggregateId: p.activityId,
    data: { participationId: p.id, activityId: p.activityId, memberId: p.memberId, checkedInAt: at.toISOString() },
  }),
  checkedOut: (p: Participation, at: Date): DomainEvent => ({
    type: 'participation.checked-out',
    aggregateType: 'activity',
    aggregateId: p.activityId,
    data: { participationId: p.id, activityId: p.activityId, memberId: p.memberId, checkedOutAt: at.toISOString() },
  }),
  hoursCredited: (h: ServiceHours): DomainEvent => ({
    type: 'participation.hours-credited',
    aggregateType: 'activity',
    aggregateId: h.activityId,
    data: {
      participationId: h.participationId,
      activityId: h.activityId,
      memberId: h.memberId,
      communityId: h.communityId,
      organizerId: h.organizerId,
      teamId: h.teamId,
      servedAt: h.servedAt.toISOString(),
      hours: h.hours,
    },
  }),
};
