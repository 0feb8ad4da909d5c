import type { DomainEvent } from '@cpb/kit';
import type { ExpiredAgreement } from './data/agreement-store';
import type { Agreement, Booking, Commitment, JointMeeting, Need, NeedCategory, Project, Resource } from './entities';

/**
 * The event types this service emits (schemas in schemas/events/<type>.json); no personal data: the
 * kit scrubs free text at the outbox, with the names given as `personNames` (an agreement's liaisons).
 * Booking events are keyed by their resource, so a venue's calendar changes arrive in order;
 * project events by their need, so a need's whole story does.
 */
export const resourceEvents = {
  published: (r: Resource): DomainEvent => ({
    type: 'resource.published',
    aggregateType: 'resource',
    aggregateId: r.id,
    data: { resourceId: r.id, providerId: r.providerId, communityId: r.communityId, kind: r.kind, name: r.name, capacity: r.capacity },
  }),
  openingHoursSet: (r: Resource, openHoursPerWeek: number): DomainEvent => ({
    type: 'resource.opening-hours-set',
    aggregateType: 'resource',
    aggregateId: r.id,
    data: { resourceId: r.id, communityId: r.communityId, windowCount: r.openingHours.length, openHoursPerWeek },
  }),
  withdrawn: (r: Resource, withdrawnOn: string): DomainEvent => ({
    type: 'resource.withdrawn',
    aggregateType: 'resource',
    aggregateId: r.id,
    data: { resourceId: r.id, providerId: r.providerId, communityId: r.communityId, withdrawnOn },
  }),
};

export const bookingEvents = {
  confirmed: (b: Booking, communityId: string): DomainEvent => ({
    type: 'booking.confirmed',
    aggregateType: 'resource',
    aggregateId: b.resourceId,
    data: {
      bookingId: b.id,
      resourceId: b.resourceId,
      communityId,
      bookedById: b.bookedById,
      activityId: b.activityId,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      headcount: b.headcount,
    },
  }),
  /** The category (v2) and, until booking.cancelled is retired, the scrubbed text (v1), from one change. */
  cancelled: (b: Booking): DomainEvent[] => {
    const common = {
      bookingId: b.id,
      resourceId: b.resourceId,
      activityId: b.activityId,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      cancelledAt: b.cancelledAt!.toISOString(),
    };
    return [
      {
        type: 'booking.cancelled',
        aggregateType: 'resource',
        aggregateId: b.resourceId,
        data: { ...common, reason: b.cancellationReason },
      },
      {
        type: 'booking.cancelled.v2',
        aggregateType: 'resource',
        aggregateId: b.resourceId,
        data: { ...common, reasonCode: b.cancellationReasonCode },
      },
    ];
  },
  attached: (b: Booking, activityId: string): DomainEvent => ({
    type: 'booking.attached',
    aggregateType: 'resource',
    aggregateId: b.resourceId,
    data: { bookingId: b.id, resourceId: b.resourceId, activityId },
  }),
};

export const agreementEvents = {
  signed: (a: Agreement, commitmentCount: number, liaisonNames: readonly string[]): DomainEvent => ({
    type: 'agreement.signed',
    aggregateType: 'agreement',
    aggregateId: a.id,
    personNames: liaisonNames,
    data: {
      agreementId: a.id,
      communityId: a.communityId,
      communityOrganizationId: a.communityOrganizationId,
      partnerUnitId: a.partnerUnitId,
      partnerOrganizationId: a.partnerOrganizationId,
      title: a.title,
      signedOn: a.signedOn,
      validFrom: a.validFrom,
      validTo: a.validTo,
      commitmentCount,
    },
  }),
  commitmentAdded: (c: Commitment, liaisonNames: readonly string[] = []): DomainEvent => ({
    type: 'commitment.added',
    aggregateType: 'agreement',
    aggregateId: c.agreementId,
    personNames: liaisonNames,
    data: { commitmentId: c.id, agreementId: c.agreementId, side: c.side, item: c.item, dueBy: c.dueBy },
  }),
  commitmentProgressed: (c: Commitment, status: string, recordedOn: string): DomainEvent => ({
    type: 'commitment.progressed',
    aggregateType: 'agreement',
    aggregateId: c.agreementId,
    data: { commitmentId: c.id, agreementId: c.agreementId, side: c.side, previousStatus: c.status, status, recordedOn },
  }),
  /** A renewal: the new agreement, the one it continues, its period and how many commitments it carries over. */
  renewed: (a: Agreement, renews: Agreement, commitmentCount: number): DomainEvent => ({
    type: 'agreement.renewed',
    aggregateType: 'agreement',
    aggregateId: renews.id,
    data: {
      agreementId: a.id,
      renewsAgreementId: renews.id,
      communityId: a.communityId,
      partnerUnitId: a.partnerUnitId,
      validFrom: a.validFrom,
      validTo: a.validTo,
      commitmentCount,
    },
  }),
  /** Written by whichever transaction moved the row from ACTIVE to EXPIRED: once per agreement. */
  expired: (a: ExpiredAgreement, expiredOn: string): DomainEvent => ({
    type: 'agreement.expired',
    aggregateType: 'agreement',
    aggregateId: a.id,
    data: { agreementId: a.id, communityId: a.communityId, partnerUnitId: a.partnerUnitId, validTo: a.validTo, expiredOn },
  }),
  /** The category (v2) and, until agreement.terminated is retired, the text with the liaisons' names scrubbed (v1). */
  terminated: (a: Agreement, liaisonNames: readonly string[]): DomainEvent[] => {
    const common = { agreementId: a.id, communityId: a.communityId, partnerUnitId: a.partnerUnitId, terminatedOn: a.terminatedOn };
    return [
      {
        type: 'agreement.terminated',
        aggregateType: 'agreement',
        aggregateId: a.id,
        data: { ...common, reason: a.terminationReason },
        personNames: liaisonNames,
      },
      {
        type: 'agreement.terminated.v2',
        aggregateType: 'agreement',
        aggregateId: a.id,
        data: { ...common, reasonCode: a.terminationReasonCode },
      },
    ];
  },
};

export const needEvents = {
  raised: (n: Need): DomainEvent => ({
    type: 'need.raised',
    aggregateType: 'need',
    aggregateId: n.id,
    data: { needId: n.id, communityId: n.communityId, title: n.title, category: n.category, raisedOn: n.raisedOn },
  }),
  /** With the need's category: the title of a project for a household in difficulty is withheld from the event. */
  projectPlanned: (p: Project, resourceIds: string[], needCategory: NeedCategory): DomainEvent => ({
    type: 'project.planned',
    aggregateType: 'need',
    aggregateId: p.needId,
    data: {
      projectId: p.id,
      needId: p.needId,
      communityId: p.communityId,
      title: p.title,
      needCategory,
      resourceIds,
      partnerUnitIds: p.partnerUnitIds,
      plannedOn: p.plannedOn,
    },
  }),
  projectStarted: (p: Project, startedOn: string): DomainEvent => ({
    type: 'project.started',
    aggregateType: 'need',
    aggregateId: p.needId,
    data: { projectId: p.id, needId: p.needId, communityId: p.communityId, startedOn },
  }),
  projectCompleted: (p: Project, completedOn: string): DomainEvent => ({
    type: 'project.completed',
    aggregateType: 'need',
    aggregateId: p.needId,
    data: { projectId: p.id, needId: p.needId, communityId: p.communityId, completedOn },
  }),
};

export const jointMeetingEvents = {
  recorded: (m: JointMeeting): DomainEvent => ({
    type: 'joint-meeting.recorded',
    aggregateType: 'joint-meeting',
    aggregateId: m.id,
    data: {
      jointMeetingId: m.id,
      convenerId: m.convenerId,
      title: m.title,
      heldOn: m.heldOn,
      attendingUnitIds: m.attendingUnitIds,
      resolutionCount: m.resolutions.length,
      planItemCount: m.planItems.length,
    },
  }),
};
