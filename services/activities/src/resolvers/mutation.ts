import type { Context } from '../context';
import { cancelActivity, changeActivityCapacity, createActivity, publishActivity, updateActivity, type CreateActivityInput, type UpdateActivityInput } from '../domain/activities';
import { completeActivity } from '../domain/completion';
import { cancelSignUp, checkIn, checkOut, signUp } from '../domain/participations';
import { changeVolunteerTeamLeader, createVolunteerTeam, joinVolunteerTeam, leaveVolunteerTeam, type CreateVolunteerTeamInput } from '../domain/teams';

type TeamMemberArgs = { teamId: string; memberId: string };
type ParticipantArgs = { activityId: string; memberId: string; at?: string | null };

/** Thin entry points: each calls one use case, which runs in one transaction with its outbox events. */
export const Mutation = {
  createVolunteerTeam: (_: unknown, { input }: { input: CreateVolunteerTeamInput }, ctx: Context) => createVolunteerTeam(ctx, input),
  joinVolunteerTeam: (_: unknown, args: TeamMemberArgs & { joinedOn?: string | null }, ctx: Context) => joinVolunteerTeam(ctx, args.teamId, args.memberId, args.joinedOn),
  leaveVolunteerTeam: (_: unknown, args: TeamMemberArgs & { leftOn?: string | null }, ctx: Context) => leaveVolunteerTeam(ctx, args.teamId, args.memberId, args.leftOn),
  changeVolunteerTeamLeader: (_: unknown, args: TeamMemberArgs, ctx: Context) => changeVolunteerTeamLeader(ctx, args.teamId, args.memberId),

  createActivity: (_: unknown, { input }: { input: CreateActivityInput }, ctx: Context) => createActivity(ctx, input),
  updateActivity: (_: unknown, args: { id: string; input: UpdateActivityInput }, ctx: Context) => updateActivity(ctx, args.id, args.input),
  publishActivity: (_: unknown, { id }: { id: string }, ctx: Context) => publishActivity(ctx, id),
  changeActivityCapacity: (_: unknown, args: { id: string; capacity: number }, ctx: Context) => changeActivityCapacity(ctx, args.id, args.capacity),
  cancelActivity: (_: unknown, { id }: { id: string }, ctx: Context) => cancelActivity(ctx, id),
  completeActivity: (_: unknown, { id }: { id: string }, ctx: Context) => completeActivity(ctx, id),

  signUp: (_: unknown, args: ParticipantArgs, ctx: Context) => signUp(ctx, args.activityId, args.memberId),
  cancelSignUp: (_: unknown, args: ParticipantArgs, ctx: Context) => cancelSignUp(ctx, args.activityId, args.memberId),
  checkIn: (_: unknown, args: ParticipantArgs, ctx: Context) => checkIn(ctx, args.activityId, args.memberId, args.at),
  checkOut: (_: unknown, args: ParticipantArgs, ctx: Context) => checkOut(ctx, args.activityId, args.memberId, args.at),
};
