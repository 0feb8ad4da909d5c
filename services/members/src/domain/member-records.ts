import { randomUUID } from 'node:crypto';
import {
  check,
  ConflictError,
  loadExisting,
  msg,
  NotFoundError,
  today,
  translateConstraint,
  useCase,
  ValidationError,
  type Message,
} from '@cpb/kit';
import { MemberStore } from '../data/member-store';
import { MembershipStore } from '../data/membership-store';
import { OrganizationGate } from '../data/organization-gate';
import type { Member, MemberCategory, MemberStatus } from '../entities';
import { memberEvents } from '../events';
import { checkMobile } from './identity';
import { checkAdultDate, checkConversion, checkActionDate, probationEndsOn } from './membership-rules';
import { checkPerson, optionalText, type PersonInput } from './person';
import { requireActiveOrganization, requirePlaces } from './peer-facts';
import type { Services } from './services';

export interface CreateMemberInput extends PersonInput {
  joinedOn: string;
  status?: MemberStatus | null;
  organizationId: string;
  skills?: string[] | null;
  responsibilityArea?: string | null;
  homeAddress?: string | null;
}

export interface UpdateMemberInput {
  name?: string | null;
  gender?: 'MALE' | 'FEMALE' | null;
  ethnicity?: string | null;
  education?: string | null;
  phone?: string | null;
  category?: MemberCategory | null;
  workUnitId?: string | null;
  residenceCommunityId?: string | null;
  skills?: string[] | null;
  responsibilityArea?: string | null;
}

export const idNumberTaken = { member_id_number_key: () => new ConflictError(msg('member.idNumberTaken')) };

/** The status a member joining on `joinedOn` has today, unless the caller states it: probation lasts a year. */
function statusOn(
  joinedOn: string,
  today: string,
  stated: MemberStatus | null | undefined,
): { status: MemberStatus; probationEndsOn: string | null } {
  const ends = probationEndsOn(joinedOn);
  const status = stated ?? (ends > today ? 'PROBATIONARY' : 'FULL');
  if (status === 'FULL' && ends > today)
    throw new ValidationError('status', msg('member.onProbationUntil', { joinedOn, probationEndsOn: ends }));
  return { status, probationEndsOn: status === 'PROBATIONARY' ? ends : null };
}

/**
 * Records an existing member with every rule of the record checked, in the one organisation that
 * holds them: asked of organizations first, then held open by its gate while the member is written.
 */
export const createMember = useCase({
  async authorize({ policy }: Services, { input }: { input: CreateMemberInput }) {
    const organizationId = check.uuid('organizationId', input.organizationId);
    await policy.permit('createMember', { organizationId });
    const on = today();
    const person = checkPerson(input, on);
    const joinedOn = checkAdultDate('joinedOn', input.joinedOn, person.birthDate, on);
    const responsibilityArea = optionalText('responsibilityArea', input.responsibilityArea, 50);
    const homeAddress = optionalText('homeAddress', input.homeAddress, 200);
    return { input, today: on, person, joinedOn, organizationId, responsibilityArea, homeAddress };
  },
  async gather({ peers }: Services, { input, today: on, person, joinedOn, organizationId, responsibilityArea, homeAddress }) {
    const [organization] = await Promise.all([
      requireActiveOrganization(peers, organizationId, 'organizationId'),
      requirePlaces(peers, person),
    ]);
    const member: Member = {
      id: randomUUID(),
      homeAddress,
      ...person,
      joinedOn,
      ...statusOn(joinedOn, on, input.status),
      convertedOn: null,
      applicantId: null,
      organizationId,
      skills: [...new Set(input.skills ?? [])],
      responsibilityArea,
    };
    return { member, organizationName: organization.name };
  },
  async change({ tx, outbox }, { member, organizationName }) {
    await new OrganizationGate(tx).holdOpen(member.organizationId, organizationName);
    await new MemberStore(tx).insertMember(member).catch((error: unknown) => translateConstraint(error, idNumberTaken));
    await outbox.emit(memberEvents.recorded(member));
    return member;
  },
});

const editable = [
  'name',
  'gender',
  'ethnicity',
  'education',
  'phone',
  'category',
  'workUnitId',
  'residenceCommunityId',
  'skills',
  'responsibilityArea',
] as const;

/** The fields of a member's record a change gives, each checked (refusals name the field). */
function readPatch(input: UpdateMemberInput): Partial<Member> {
  const patch: Partial<Member> = {};
  if (input.name !== undefined) patch.name = check.name('name', input.name ?? '', 50);
  if (input.gender) patch.gender = input.gender;
  if (input.ethnicity !== undefined)
    patch.ethnicity =
      optionalText('ethnicity', input.ethnicity, 20) ?? refuse('ethnicity', msg('input.length', { field: 'ethnicity', max: 20 }));
  if (input.education !== undefined) patch.education = optionalText('education', input.education, 50);
  if (input.phone !== undefined) patch.phone = input.phone ? checkMobile('phone', input.phone) : null;
  if (input.category) patch.category = input.category;
  if (input.workUnitId !== undefined) patch.workUnitId = input.workUnitId ? check.uuid('workUnitId', input.workUnitId) : null;
  if (input.residenceCommunityId !== undefined)
    patch.residenceCommunityId = input.residenceCommunityId ? check.uuid('residenceCommunityId', input.residenceCommunityId) : null;
  if (input.skills) patch.skills = [...new Set(input.skills)];
  if (input.responsibilityArea !== undefined) patch.responsibilityArea = optionalText('responsibilityArea', input.responsibilityArea, 50);
  return patch;
}

/** Changes the given fields of a member's record; the organisation and status have their own use cases. */
export const updateMember = useCase({
  async authorize({ policy, loaders }: Services, args: { id: string; input: UpdateMemberInput }) {
    const member = await loadExisting(loaders.member, 'Member', args.id, 'id');
    await policy.permit('updateMember', { organizationId: member.organizationId, memberId: member.id });
    return { memberId: member.id, patch: readPatch(args.input) };
  },
  async gather({ peers }: Services, update) {
    await requirePlaces(peers, update.patch);
    return update;
  },
  async change({ tx, outbox }, { memberId, patch }) {
    const store = new MemberStore(tx);
    const member = await store.lockMember(memberId);
    if (!member) throw new NotFoundError('Member', memberId, 'id');
    const changed = editable.filter((field) => field in patch && JSON.stringify(patch[field]) !== JSON.stringify(member[field]));
    if (changed.length === 0) return member;
    if (changed.includes('category') && member.category === 'EMPLOYED' && (await new MembershipStore(tx).activeRegistrationOf(memberId))) {
      throw new ConflictError(msg('member.registeredAsEmployed', { name: member.name }));
    }
    await store.updateMember(memberId, Object.fromEntries(changed.map((field) => [field, patch[field]])));
    const updated = { ...member, ...patch };
    await outbox.emit(memberEvents.updated(updated, [...changed]));
    return updated;
  },
});

/** Conversion to full membership (转正), once the year of probation is over. */
export const convertToFullMember = useCase({
  async authorize({ policy, loaders }: Services, args: { memberId: string; convertedOn?: string | null }) {
    const member = await loadExisting(loaders.member, 'Member', args.memberId, 'memberId');
    await policy.permit('convertToFullMember', { organizationId: member.organizationId });
    return { id: member.id, convertedOn: args.convertedOn };
  },
  async change({ tx, outbox }, { id, convertedOn }) {
    const store = new MemberStore(tx);
    const member = await store.lockMember(id);
    if (!member) throw new NotFoundError('Member', id, 'memberId');
    const on = checkActionDate('convertedOn', convertedOn ?? today(), today(), { date: member.joinedOn, what: 'JOINING' });
    checkConversion(member, on);
    await store.convertToFull(id, on);
    await outbox.emit(memberEvents.convertedToFull(member, on));
    return { ...member, status: 'FULL' as const, probationEndsOn: null, convertedOn: on };
  },
});

function refuse(field: string, message: Message): never {
  throw new ValidationError(field, message);
}
