import { ForbiddenError, maskIdNumber, maskPhone, msg } from '@cpb/kit';
import type { Context } from '../context';
import type { Member as MemberRecord } from '../entities';
import { memberDues } from './dues';

type Resolver = (member: MemberRecord, args: unknown, ctx: Context) => unknown;

/** Personal data: the value for the member and the managers in scope, null for everyone else. */
const personal =
  (read: (m: MemberRecord) => unknown): Resolver =>
  async (member, _, ctx) =>
    (await ctx.access.accessTo(member)) === 'full' ? read(member) : null;

/** The rest of the record: refused (FORBIDDEN) outside the member's own managers. */
const record =
  (read: (m: MemberRecord, ctx: Context) => unknown): Resolver =>
  async (member, _, ctx) => {
    if ((await ctx.access.accessTo(member)) !== 'full') throw new ForbiddenError(msg('member.recordOutside'));
    return read(member, ctx);
  };

/** What anyone signed in may see of a member (names appear on leadership and volunteer lists). */
const visible =
  (read: (m: MemberRecord) => unknown): Resolver =>
  async (member, _, ctx) => {
    await ctx.access.accessTo(member);
    return read(member);
  };

export const Member = {
  // Entity references obey the same rules as `member(id)`: the fields below check the caller.
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.member.load(id),
  name: visible((m) => m.name),
  organization: visible((m) => ({ id: m.organizationId })),
  responsibilityArea: visible((m) => m.responsibilityArea),
  phoneMasked: visible((m) => maskPhone(m.phone)),
  idNumberMasked: visible((m) => maskIdNumber(m.idNumber)),
  phone: personal((m) => m.phone),
  idNumber: personal((m) => m.idNumber),
  homeAddress: personal((m) => m.homeAddress),
  gender: record((m) => m.gender),
  birthDate: record((m) => m.birthDate),
  ethnicity: record((m) => m.ethnicity),
  education: record((m) => m.education),
  joinedOn: record((m) => m.joinedOn),
  status: record((m) => m.status),
  probationEndsOn: record((m) => m.probationEndsOn),
  convertedOn: record((m) => m.convertedOn),
  probationExtension: record((m, ctx) => ctx.loaders.probationExtension.load(m.id)),
  category: record((m) => m.category),
  skills: record((m) => m.skills),
  workUnit: record((m) => (m.workUnitId ? { id: m.workUnitId } : null)),
  residenceCommunity: record((m) => (m.residenceCommunityId ? { id: m.residenceCommunityId } : null)),
  registrations: record((m, ctx) => ctx.loaders.registrationsOfMember.load(m.id)),
  transfers: record((m, ctx) => ctx.loaders.transfersOfMember.load(m.id)),
  migrantCheckIns: record((m, ctx) => ctx.loaders.checkInsOfMember.load(m.id)),
  dues: memberDues,
  admittedFrom: record((m, ctx) => (m.applicantId ? ctx.loaders.applicant.load(m.applicantId) : null)),
};
