import type { Context } from '../context';
import { createOrganization, dissolveOrganization, moveOrganization, renameOrganization, type CreateOrganizationInput } from '../domain/organizations';

/** Thin entry points: each runs one use case in one transaction with its outbox events. */
export const Mutation = {
  createOrganization: (_: unknown, { input }: { input: CreateOrganizationInput }, ctx: Context) => ctx.transact((unit) => createOrganization(unit, input)),
  renameOrganization: (_: unknown, args: { id: string; name: string }, ctx: Context) => ctx.transact((unit) => renameOrganization(unit, args.id, args.name)),
  moveOrganization: (_: unknown, args: { id: string; parentId: string }, ctx: Context) => ctx.transact((unit) => moveOrganization(unit, args.id, args.parentId)),
  dissolveOrganization: (_: unknown, args: { id: string; dissolvedOn?: string | null }, ctx: Context) =>
    ctx.transact((unit) => dissolveOrganization(unit, ctx.peers, args.id, args.dissolvedOn)),
};
