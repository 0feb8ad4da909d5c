import { importCommitted, type CommittedImport, type DomainEvent } from '@cpb/kit';
import type { ProbationExtension } from './data/probation-extensions';
import type {
  Applicant,
  CommunityRegistration,
  DuesBase,
  DuesPayment,
  DuesReduction,
  Member,
  MigrantCheckIn,
  RegistrationFeedback,
  Transfer,
} from './entities';

/**
 * The event types this service emits (schemas in schemas/events/<type>.json). No personal data:
 * no name, phone, ID number, birth date or free text (reasons, comments) ever leaves in an event.
 * Member events are keyed by the member, so each member's history stays in order.
 */
const aboutMember = (memberId: string, type: string, data: Record<string, unknown>): DomainEvent => ({
  type,
  aggregateType: 'member',
  aggregateId: memberId,
  data,
});

export const memberEvents = {
  recorded: (m: Member): DomainEvent =>
    aboutMember(m.id, 'member.recorded', {
      memberId: m.id,
      organizationId: m.organizationId,
      status: m.status,
      category: m.category,
      joinedOn: m.joinedOn,
      probationEndsOn: m.probationEndsOn,
      workUnitId: m.workUnitId,
      residenceCommunityId: m.residenceCommunityId,
    }),
  admitted: (m: Member & { applicantId: string; probationEndsOn: string }): DomainEvent =>
    aboutMember(m.id, 'member.admitted', {
      memberId: m.id,
      applicantId: m.applicantId,
      organizationId: m.organizationId,
      category: m.category,
      joinedOn: m.joinedOn,
      probationEndsOn: m.probationEndsOn,
      workUnitId: m.workUnitId,
      residenceCommunityId: m.residenceCommunityId,
    }),
  /** Names the changed fields; values only where they are not personal. */
  updated: (m: Member, changedFields: string[]): DomainEvent =>
    aboutMember(m.id, 'member.updated', {
      memberId: m.id,
      changedFields,
      category: m.category,
      workUnitId: m.workUnitId,
      residenceCommunityId: m.residenceCommunityId,
      skills: m.skills,
    }),
  convertedToFull: (m: Member, convertedOn: string): DomainEvent =>
    aboutMember(m.id, 'member.converted-to-full', { memberId: m.id, organizationId: m.organizationId, convertedOn }),
  /** The new end of probation and by how much; the reason (free text about a person) stays in the service. */
  probationExtended: (m: Member, e: ProbationExtension): DomainEvent =>
    aboutMember(m.id, 'member.probation-extended', {
      memberId: m.id,
      organizationId: m.organizationId,
      months: e.months,
      extendedOn: e.extendedOn,
      previousEndsOn: e.previousEndsOn,
      probationEndsOn: e.probationEndsOn,
    }),
};

/** One bulk import of members (issue 18): the audit record of the act; each member it created has its own member.recorded. */
export const importEvents = {
  committed: (i: CommittedImport) => importCommitted('member-import.committed', i),
};

const transferData = (t: Transfer) => ({
  transferId: t.id,
  memberId: t.memberId,
  fromOrganizationId: t.fromOrganizationId,
  toOrganizationId: t.toOrganizationId,
});

export const transferEvents = {
  requested: (t: Transfer): DomainEvent =>
    aboutMember(t.memberId, 'member.transfer-requested', { ...transferData(t), requestedOn: t.requestedOn }),
  approved: (t: Transfer, decidedOn: string): DomainEvent =>
    aboutMember(t.memberId, 'member.transfer-approved', { ...transferData(t), decidedOn }),
  rejected: (t: Transfer, decidedOn: string): DomainEvent =>
    aboutMember(t.memberId, 'member.transfer-rejected', { ...transferData(t), decidedOn }),
  completed: (t: Transfer, completedOn: string): DomainEvent =>
    aboutMember(t.memberId, 'member.transferred', { ...transferData(t), completedOn }),
  /** The letter lapsed before the member reported in: the relationship stays with `fromOrganizationId`. */
  expired: (t: Transfer, expiredOn: string): DomainEvent =>
    aboutMember(t.memberId, 'member.transfer-expired', { ...transferData(t), letterValidUntil: t.letterValidUntil, expiredOn }),
  receiptRecorded: (t: Transfer, returnedOn: string): DomainEvent =>
    aboutMember(t.memberId, 'member.transfer-receipt-recorded', { ...transferData(t), returnedOn }),
};

export const registrationEvents = {
  registered: (r: CommunityRegistration): DomainEvent =>
    aboutMember(r.memberId, 'member.registered-with-community', {
      registrationId: r.id,
      memberId: r.memberId,
      communityId: r.communityId,
      workUnitId: r.workUnitId,
      registeredOn: r.registeredOn,
    }),
  ended: (r: CommunityRegistration, endedOn: string): DomainEvent =>
    aboutMember(r.memberId, 'member.registration-ended', {
      registrationId: r.id,
      memberId: r.memberId,
      communityId: r.communityId,
      endedOn,
    }),
  feedbackRecorded: (r: CommunityRegistration, f: RegistrationFeedback): DomainEvent =>
    aboutMember(r.memberId, 'member.feedback-recorded', {
      feedbackId: f.id,
      registrationId: r.id,
      memberId: r.memberId,
      communityId: r.communityId,
      workUnitId: r.workUnitId,
      rating: f.rating,
      recordedOn: f.recordedOn,
    }),
  migrantCheckedIn: (c: MigrantCheckIn): DomainEvent =>
    aboutMember(c.memberId, 'member.migrant-checked-in', {
      checkInId: c.id,
      memberId: c.memberId,
      organizationId: c.organizationId,
      checkedInOn: c.checkedInOn,
    }),
};

export const applicantEvents = {
  recorded: (a: Applicant): DomainEvent => ({
    type: 'applicant.recorded',
    aggregateType: 'applicant',
    aggregateId: a.id,
    data: {
      applicantId: a.id,
      organizationId: a.organizationId,
      stage: a.stage,
      category: a.category,
      appliedOn: a.appliedOn,
      residenceCommunityId: a.residenceCommunityId,
    },
  }),
  advanced: (a: Applicant, advancedOn: string): DomainEvent => ({
    type: 'applicant.advanced',
    aggregateType: 'applicant',
    aggregateId: a.id,
    data: { applicantId: a.id, organizationId: a.organizationId, stage: a.stage, advancedOn },
  }),
};

const months = (p: DuesPayment) => p.months.map((m) => m.slice(0, 7));

/**
 * Party dues. No income, no base, no basis (it would tell who lives on relief) and no amount: an amount
 * paid for known months divided by the rate gives the income band back, so events say only which months
 * were settled; totals per organisation and month are a query (`Organization.duesSummary`).
 */
export const duesEvents = {
  baseDeclared: (b: DuesBase, organizationId: string): DomainEvent =>
    aboutMember(b.memberId, 'dues.base-declared', {
      baseId: b.id,
      memberId: b.memberId,
      organizationId,
      year: b.year,
      fromMonth: b.fromMonth,
    }),
  paid: (p: DuesPayment, organizationId: string): DomainEvent =>
    aboutMember(p.memberId, 'dues.paid', {
      paymentId: p.id,
      memberId: p.memberId,
      organizationId,
      months: months(p),
      channel: p.channel,
      receivedOn: p.receivedOn,
    }),
  reversed: (r: DuesPayment, organizationId: string): DomainEvent =>
    aboutMember(r.memberId, 'dues.reversed', {
      reversalId: r.id,
      paymentId: r.reversesId,
      memberId: r.memberId,
      organizationId,
      months: months(r),
    }),
  reductionGranted: (r: DuesReduction, organizationId: string): DomainEvent =>
    aboutMember(r.memberId, 'dues.reduction-granted', {
      reductionId: r.id,
      memberId: r.memberId,
      organizationId,
      kind: r.kind,
      fromMonth: r.fromMonth.slice(0, 7),
      untilMonth: r.untilMonth.slice(0, 7),
    }),
};
