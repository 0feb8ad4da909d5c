import type { Context } from '../context';
import { authorizePersonData } from '../domain/policy';
import type { ResidentUnit as ResidentUnitRecord } from '../entities';

export const ResidentUnit = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.residentUnit.load(id),
  community: (unit: ResidentUnitRecord, _: unknown, ctx: Context) => ctx.loaders.community.load(unit.communityId),
  instructor: (unit: ResidentUnitRecord, _: unknown, ctx: Context) => {
    authorizePersonData(ctx.actor);
    return ctx.loaders.currentInstructor.load(unit.id);
  },
  partyOrganization: (unit: ResidentUnitRecord, _: unknown, ctx: Context) =>
    unit.organizationId ? ctx.loaders.organization.load(unit.organizationId) : null,
};
