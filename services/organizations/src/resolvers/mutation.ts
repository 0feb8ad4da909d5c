import type { Context } from '../context';
import { appointPosition, assignInstructor, endInstructorAssignment, endPosition } from '../domain/leadership';
import { createOrganization, dissolveOrganization, moveOrganization, renameOrganization } from '../domain/organizations';
import { createCommunity, createGrid, createResidentUnit, createStreet, linkResidentUnitOrganization } from '../domain/structure';

/** The arguments a use case takes, as GraphQL hands them over. */
type ArgsOf<U extends (ctx: Context, args: never) => unknown> = Parameters<U>[1];

/** Thin entry points: each maps its arguments to one use case (authorise, ask peers, one transaction). */
export const Mutation = {
  createOrganization: (_: unknown, args: ArgsOf<typeof createOrganization>, ctx: Context) => createOrganization(ctx, args),
  renameOrganization: (_: unknown, args: ArgsOf<typeof renameOrganization>, ctx: Context) => renameOrganization(ctx, args),
  moveOrganization: (_: unknown, args: ArgsOf<typeof moveOrganization>, ctx: Context) => moveOrganization(ctx, args),
  dissolveOrganization: (_: unknown, args: ArgsOf<typeof dissolveOrganization>, ctx: Context) => dissolveOrganization(ctx, args),

  createStreet: (_: unknown, args: ArgsOf<typeof createStreet>, ctx: Context) => createStreet(ctx, args),
  createCommunity: (_: unknown, args: ArgsOf<typeof createCommunity>, ctx: Context) => createCommunity(ctx, args),
  createGrid: (_: unknown, args: ArgsOf<typeof createGrid>, ctx: Context) => createGrid(ctx, args),
  createResidentUnit: (_: unknown, args: ArgsOf<typeof createResidentUnit>, ctx: Context) => createResidentUnit(ctx, args),
  linkResidentUnitOrganization: (_: unknown, args: ArgsOf<typeof linkResidentUnitOrganization>, ctx: Context) => linkResidentUnitOrganization(ctx, args),

  assignInstructor: (_: unknown, args: ArgsOf<typeof assignInstructor>, ctx: Context) => assignInstructor(ctx, args),
  endInstructorAssignment: (_: unknown, args: ArgsOf<typeof endInstructorAssignment>, ctx: Context) => endInstructorAssignment(ctx, args),
  appointPosition: (_: unknown, args: ArgsOf<typeof appointPosition>, ctx: Context) => appointPosition(ctx, args),
  endPosition: (_: unknown, args: ArgsOf<typeof endPosition>, ctx: Context) => endPosition(ctx, args),
};
