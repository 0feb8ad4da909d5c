import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { MembershipKey } from '../data/team-repository';
import type { TeamMembership as MembershipRecord, VolunteerTeam as TeamRecord } from '../entities';
import { authorizePersonData } from '../domain/policy';
import { statsOf } from './stats';

export const VolunteerTeam = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.team.load(id),
  organization: (team: TeamRecord) => ({ id: team.organizationId }),
  community: (team: TeamRecord) => (team.communityId ? { id: team.communityId } : null),
  leader: (team: TeamRecord) => ({ id: team.leaderId }),
  memberCount: (team: TeamRecord, _: unknown, ctx: Context) => ctx.loaders.teamMemberCount.load(team.id),
  memberships: (team: TeamRecord, args: PageArgs & { includeFormer?: boolean | null }, ctx: Context) => {
    authorizePersonData(ctx.actor);
    return ctx.loaders
      .membershipsOfTeam(args.includeFormer ?? false)(readPage<MembershipKey>(args))
      .load(team.id);
  },
  stats: (team: TeamRecord, args: { from: string; to: string }, ctx: Context) => statsOf(ctx, 'team', team.id, [team.id], args),
};

export const TeamMembership = {
  team: (m: MembershipRecord, _: unknown, ctx: Context) => ctx.loaders.team.load(m.teamId),
  member: (m: MembershipRecord) => ({ id: m.memberId }),
};
