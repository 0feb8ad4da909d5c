import { readPage, type PageArgs } from '@cpb/kit';
import type { Context } from '../context';
import type { MemberParticipationKey } from '../data/participation-repository';
import { authorizePersonData } from '../domain/policy';
import { readOpenPeriod } from '../domain/period';
import type { ParticipationStatus } from '../entities';

type MemberRef = { id: string };

/** Volunteering of a member the members service owns: hours, participations and teams. */
export const Member = {
  __resolveReference: (ref: MemberRef) => ref,
  // A member's volunteer record (hours by period, where and when they served) is the member's and their managers'.
  volunteerHours: async (member: MemberRef, args: { from?: string | null; to?: string | null }, ctx: Context) => {
    await ctx.records.requireHistoryReader(member.id);
    return ctx.loaders.memberHours(readOpenPeriod(args.from, args.to)).load(member.id);
  },
  participations: async (member: MemberRef, args: PageArgs & { status?: ParticipationStatus | null }, ctx: Context) => {
    await ctx.records.requireHistoryReader(member.id);
    return ctx.loaders
      .participationsOfMember(args.status ?? null)(readPage<MemberParticipationKey>(args))
      .load(member.id);
  },
  teams: (member: MemberRef, _: unknown, ctx: Context) => {
    authorizePersonData(ctx.actor);
    return ctx.loaders.teamsOfMember.load(member.id);
  },
};
