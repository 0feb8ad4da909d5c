import type { Context } from '../context';
import type {
  Applicant as ApplicantRecord,
  CommunityRegistration as RegistrationRecord,
  MigrantCheckIn as CheckInRecord,
  RegistrationFeedback as FeedbackRecord,
  Transfer as TransferRecord,
} from '../entities';

const ref = (id: string | null) => (id ? { id } : null);

export const Applicant = {
  organization: (a: ApplicantRecord) => ref(a.organizationId),
  workUnit: (a: ApplicantRecord) => ref(a.workUnitId),
  residenceCommunity: (a: ApplicantRecord) => ref(a.residenceCommunityId),
  admittedAs: (a: ApplicantRecord, _: unknown, ctx: Context) => (a.admittedMemberId ? ctx.loaders.member.load(a.admittedMemberId) : null),
};

export const Transfer = {
  member: (t: TransferRecord, _: unknown, ctx: Context) => ctx.loaders.member.load(t.memberId),
  fromOrganization: (t: TransferRecord) => ref(t.fromOrganizationId),
  toOrganization: (t: TransferRecord) => ref(t.toOrganizationId),
  letter: (t: TransferRecord) =>
    t.letterValidUntil ? { reach: t.letterReach, issuedOn: t.letterIssuedOn, validUntil: t.letterValidUntil } : null,
};

export const CommunityRegistration = {
  member: (r: RegistrationRecord, _: unknown, ctx: Context) => ctx.loaders.member.load(r.memberId),
  community: (r: RegistrationRecord) => ref(r.communityId),
  workUnit: (r: RegistrationRecord) => ref(r.workUnitId),
  feedback: (r: RegistrationRecord, _: unknown, ctx: Context) => ctx.loaders.feedbackOfRegistration.load(r.id),
};

export const RegistrationFeedback = {
  registration: (f: FeedbackRecord, _: unknown, ctx: Context) => ctx.loaders.registration.load(f.registrationId),
};

export const MigrantCheckIn = {
  member: (c: CheckInRecord, _: unknown, ctx: Context) => ctx.loaders.member.load(c.memberId),
  organization: (c: CheckInRecord) => ref(c.organizationId),
};
