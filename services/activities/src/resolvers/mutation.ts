import type { Context } from '../context';
import { cancelActivity, changeActivityCapacity, createActivity, publishActivity, updateActivity, type CreateActivityInput } from '../domain/activities';
import { completeActivity } from '../domain/completion';
import { cancelSignUp, checkIn, checkOut, signUp } from '../domain/participations';
import { changeVolunteerTeamLeader, createVolunteerTeam, joinVolunteerTeam, leaveVolunteerTeam } from '../domain/teams';

type Args = Parameters<typeof signUp>[1];

/** Thin entry points: each maps its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  createVolunteerTeam: (_: unknown, { input }: { input: Parameters<typeof createVolunteerTeam>[1] }, ctx: Context) => createVolunteerTeam(ctx, input),
  joinVolunteerTeam: (_: unknown, args: Parameters<typeof joinVolunteerTeam>[1], ctx: Context) => joinVolunteerTeam(ctx, args),
  leaveVolunteerTeam: (_: unknown, args: Parameters<typeof leaveVolunteerTeam>[1], ctx: Context) => leaveVolunteerTeam(ctx, args),
  changeVolunteerTeamLeader: (_: unknown, args: Parameters<typeof changeVolunteerTeamLeader>[1], ctx: Context) => changeVolunteerTeamLeader(ctx, args),

  createActivity: (_: unknown, { input }: { input: CreateActivityInput }, ctx: Context) => createActivity(ctx, input),
  updateActivity: (_: unknown, args: Parameters<typeof updateActivity>[1], ctx: Context) => updateActivity(ctx, args),
  publishActivity: (_: unknown, args: { id: string }, ctx: Context) => publishActivity(ctx, args),
  changeActivityCapacity: (_: unknown, args: { id: string; capacity: number }, ctx: Context) => changeActivityCapacity(ctx, args),
  cancelActivity: (_: unknown, args: { id: string }, ctx: Context) => cancelActivity(ctx, args),
  completeActivity: (_: unknown, args: { id: string }, ctx: Context) => completeActivity(ctx, args),

  signUp: (_: unknown, args: Args, ctx: Context) => signUp(ctx, args),
  cancelSignUp: (_: unknown, args: Args, ctx: Context) => cancelSignUp(ctx, args),
  checkIn: (_: unknown, args: Args, ctx: Context) => checkIn(ctx, args),
  checkOut: (_: unknown, args: Args, ctx: Context) => checkOut(ctx, args),
};
