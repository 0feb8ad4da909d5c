import type { Context } from '../context';
import type { Member as MemberRecord } from '../entities';

/** References to entities other subgraphs own: the gateway fetches their fields there. */
export const Member = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.member.load(id),
  organization: (member: MemberRecord) => ({ id: member.organizationId }),
  workUnit: (member: MemberRecord) => (member.workUnitId ? { id: member.workUnitId } : null),
  residenceCommunity: (member: MemberRecord) => (member.residenceCommunityId ? { id: member.residenceCommunityId } : null),
};
