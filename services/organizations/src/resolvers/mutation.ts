import type { Context } from '../context';
import { appointPosition, assignInstructor, endInstructorAssignment, endPosition, type AppointPositionInput } from '../domain/leadership';
import { createOrganization, dissolveOrganization, moveOrganization, renameOrganization, type CreateOrganizationInput } from '../domain/organizations';
import { createCommunity, createGrid, createResidentUnit, createStreet, linkResidentUnitOrganization } from '../domain/structure';
import type { ResidentUnitCategory } from '../entities';

type Args<T> = { input: T };

/** Thin entry points: each runs one use case in one transaction with its outbox events. */
export const Mutation = {
  createOrganization: (_: unknown, { input }: Args<CreateOrganizationInput>, ctx: Context) => ctx.transact((unit) => createOrganization(unit, input)),
  renameOrganization: (_: unknown, args: { id: string; name: string }, ctx: Context) => ctx.transact((unit) => renameOrganization(unit, args.id, args.name)),
  moveOrganization: (_: unknown, args: { id: string; parentId: string }, ctx: Context) => ctx.transact((unit) => moveOrganization(unit, args.id, args.parentId)),
  dissolveOrganization: (_: unknown, args: { id: string; dissolvedOn?: string | null }, ctx: Context) => dissolveOrganization(ctx, args.id, args.dissolvedOn),

  createStreet: (_: unknown, { input }: Args<{ name: string; district: string }>, ctx: Context) => ctx.transact((unit) => createStreet(unit, input)),
  createCommunity: (_: unknown, { input }: Args<{ streetId: string; name: string; grids?: string[] | null }>, ctx: Context) => ctx.transact((unit) => createCommunity(unit, input)),
  createGrid: (_: unknown, args: { communityId: string; name: string }, ctx: Context) => ctx.transact((unit) => createGrid(unit, args.communityId, args.name)),
  createResidentUnit: (_: unknown, { input }: Args<{ communityId: string; name: string; category: ResidentUnitCategory }>, ctx: Context) =>
    ctx.transact((unit) => createResidentUnit(unit, input)),
  linkResidentUnitOrganization: (_: unknown, args: { residentUnitId: string; organizationId: string }, ctx: Context) =>
    ctx.transact((unit) => linkResidentUnitOrganization(unit, args.residentUnitId, args.organizationId)),

  assignInstructor: (_: unknown, args: { residentUnitId: string; memberId: string; startsOn?: string | null }, ctx: Context) =>
    ctx.transact((unit) => assignInstructor(unit, ctx.peers, args.residentUnitId, args.memberId, args.startsOn)),
  endInstructorAssignment: (_: unknown, args: { id: string; endsOn?: string | null }, ctx: Context) => ctx.transact((unit) => endInstructorAssignment(unit, args.id, args.endsOn)),
  appointPosition: (_: unknown, { input }: Args<AppointPositionInput>, ctx: Context) => ctx.transact((unit) => appointPosition(unit, ctx.peers, input)),
  endPosition: (_: unknown, args: { id: string; endsOn?: string | null }, ctx: Context) => ctx.transact((unit) => endPosition(unit, args.id, args.endsOn)),
};
