import { randomUUID } from 'node:crypto';
import { check, ConflictError, loadExisting, msg, NotFoundError, today, translateConstraint, useCase } from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { OrganizationGate } from '../data/organization-gate';
import type { Applicant, ApplicantStage, Member } from '../entities';
import { applicantEvents, memberEvents } from '../events';
import { idNumberTaken } from './member-records';
import { checkActionDate, checkAdmission, checkAdultDate, checkAdvance, probationEndsOn } from './membership-rules';
import { checkPerson, type PersonInput } from './person';
import { requireActiveOrganization, requirePlaces } from './peer-facts';
import type { Services } from './services';

export interface RecordApplicantInput extends PersonInput {
  organizationId: string;
  appliedOn?: string | null;
}

const applicationTaken = { applicant_id_number_key: () => new ConflictError(msg('applicant.idNumberTaken')) };

async function requireApplicant(store: MemberStore, id: string, field: string): Promise<Applicant> {
  const applicant = await store.lockApplicant(check.uuid(field, id));
  if (!applicant) throw new NotFoundError('Applicant', id, field);
  return applicant;
}

/** Records an application to join (入党申请) with an active organisation, gated like a placement (ADR 0010); applicants are 18 or older. */
export const recordApplicant = useCase({
  async authorize({ policy }: Services, { input }: { input: RecordApplicantInput }) {
    const organizationId = check.uuid('organizationId', input.organizationId);
    await policy.permit('recordApplicant', { organizationId });
    const on = today();
    const person = checkPerson(input, on);
    const appliedOn = checkAdultDate('appliedOn', input.appliedOn ?? on, person.birthDate, on);
    return { person, appliedOn, organizationId };
  },
  async gather({ peers }: Services, application) {
    const [organization] = await Promise.all([
      requireActiveOrganization(peers, application.organizationId, 'organizationId'),
      requirePlaces(peers, application.person),
    ]);
    return { ...application, organizationName: organization.name };
  },
  async change({ tx, outbox }, { person, appliedOn, organizationId, organizationName }) {
    const store = new MemberStore(tx);
    // The organisation was active when organizations was asked; a dissolve may have closed its gate since
    // (docs/decisions/0010): held open FOR SHARE here, so no application lands in a closed organisation.
    await new OrganizationGate(tx).holdOpen(organizationId, organizationName);
    if (await store.hasMemberWithIdNumber(person.idNumber)) throw new ConflictError(msg('applicant.alreadyMember'));
    const applicant: Applicant = {
      id: randomUUID(),
      ...person,
      organizationId,
      stage: 'APPLICANT',
      appliedOn,
      activistOn: null,
      candidateOn: null,
      admittedMemberId: null,
    };
    await store.insertApplicant(applicant).catch((error: unknown) => translateConstraint(error, applicationTaken));
    await outbox.emit(applicantEvents.recorded(applicant));
    return applicant;
  },
});

/** The applicant (read outside the transaction: an applicant never changes organisation), by a manager of its organisation. */
async function managedApplicant(
  { policy, loaders }: Services,
  change: 'advanceApplicant' | 'admitMember',
  id: string,
  field: string,
): Promise<Applicant> {
  const applicant = await loadExisting(loaders.applicant, 'Applicant', id, field);
  await policy.permit(change, { organizationId: applicant.organizationId });
  return applicant;
}

/** Moves an applicant on: to activist (入党积极分子), then to candidate (发展对象) after a year as activist. */
export const advanceApplicant = useCase({
  async authorize(services: Services, args: { id: string; stage: ApplicantStage; on?: string | null }) {
    await managedApplicant(services, 'advanceApplicant', args.id, 'id');
    return args;
  },
  async change({ tx, outbox }, { id, stage, on }) {
    const store = new MemberStore(tx);
    const applicant = await requireApplicant(store, id, 'id');
    const previous =
      applicant.stage === 'ACTIVIST' && applicant.activistOn
        ? { date: applicant.activistOn, what: 'BECOMING_ACTIVIST' as const }
        : { date: applicant.appliedOn, what: 'APPLICATION' as const };
    const date = checkActionDate('on', on ?? today(), today(), previous);
    checkAdvance(applicant, stage, date);
    await store.advanceApplicant(applicant.id, stage, date);
    const advanced: Applicant = { ...applicant, stage, ...(stage === 'ACTIVIST' ? { activistOn: date } : { candidateOn: date }) };
    await outbox.emit(applicantEvents.advanced(advanced, date));
    return advanced;
  },
});

/**
 * Admits a candidate (发展对象) as a probationary member (预备党员) of the organisation that trained
 * them. Organizations is asked first; then one transaction locks the applicant, checks it, holds the
 * organisation's gate open and writes.
 */
export const admitMember = useCase({
  async authorize(services: Services, args: { applicantId: string; joinedOn?: string | null }) {
    return { applicant: await managedApplicant(services, 'admitMember', args.applicantId, 'applicantId'), joinedOn: args.joinedOn };
  },
  async gather({ peers }: Services, admission) {
    const organization = await requireActiveOrganization(peers, admission.applicant.organizationId, 'applicantId');
    return { ...admission, organizationName: organization.name };
  },
  async change({ tx, outbox }, { applicant: known, joinedOn, organizationName }) {
    const store = new MemberStore(tx);
    const applicant = await requireApplicant(store, known.id, 'applicantId');
    checkAdmission(applicant);
    const on = today();
    const joined = checkAdultDate('joinedOn', joinedOn ?? on, applicant.birthDate, on);
    checkActionDate('joinedOn', joined, on, { date: applicant.candidateOn ?? applicant.appliedOn, what: 'BECOMING_CANDIDATE' });
    await new OrganizationGate(tx).holdOpen(applicant.organizationId, organizationName);
    const member: Member & { applicantId: string; probationEndsOn: string } = {
      id: randomUUID(),
      homeAddress: null,
      name: applicant.name,
      gender: applicant.gender,
      birthDate: applicant.birthDate,
      ethnicity: applicant.ethnicity,
      education: applicant.education,
      phone: applicant.phone,
      idNumber: applicant.idNumber,
      joinedOn: joined,
      status: 'PROBATIONARY',
      probationEndsOn: probationEndsOn(joined),
      convertedOn: null,
      applicantId: applicant.id,
      category: applicant.category,
      organizationId: applicant.organizationId,
      workUnitId: applicant.workUnitId,
      residenceCommunityId: applicant.residenceCommunityId,
      skills: [],
      responsibilityArea: null,
    };
    await store.insertMember(member).catch((error: unknown) => translateConstraint(error, idNumberTaken));
    await store.markAdmitted(applicant.id, member.id);
    await outbox.emit(memberEvents.admitted(member));
    return member;
  },
});
