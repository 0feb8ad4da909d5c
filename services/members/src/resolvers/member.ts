import type { Context } from '../context';
import type { Member as MemberRecord } from '../entities';

/** Other subgraphs' entities are returned as references: the gateway fetches their fields there. */
export const Member = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.member.load(id),
  organization: (member: MemberRecord) => ({ id: member.organizationId }),
  workUnit: (member: MemberRecord) => (member.workUnitId ? { id: member.workUnitId } : null),
  residenceCommunity: (member: MemberRecord) => (member.residenceCommunityId ? { id: member.residenceCommunityId } : null),
  registrations: (member: MemberRecord, _: unknown, ctx: Context) => ctx.loaders.registrationsOfMember.load(member.id),
  transfers: (member: MemberRecord, _: unknown, ctx: Context) => ctx.loaders.transfersOfMember.load(member.id),
  migrantCheckIns: (member: MemberRecord, _: unknown, ctx: Context) => ctx.loaders.checkInsOfMember.load(member.id),
  admittedFrom: (member: MemberRecord, _: unknown, ctx: Context) => (member.applicantId ? ctx.loaders.applicant.load(member.applicantId) : null),
};
