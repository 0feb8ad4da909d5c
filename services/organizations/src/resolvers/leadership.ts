import type { Context } from '../context';
import type { Census } from '../data/structure-repository';
import type { InstructorAssignment as AssignmentRecord, Position as PositionRecord } from '../entities';

export const Position = {
  organization: (position: PositionRecord, _: unknown, ctx: Context) => ctx.loaders.organization.load(position.organizationId),
  member: (position: PositionRecord) => ({ id: position.memberId }),
  fromUnit: (position: PositionRecord, _: unknown, ctx: Context) =>
    position.fromUnitId ? ctx.loaders.residentUnit.load(position.fromUnitId) : null,
};

export const InstructorAssignment = {
  residentUnit: (assignment: AssignmentRecord, _: unknown, ctx: Context) => ctx.loaders.residentUnit.load(assignment.residentUnitId),
  member: (assignment: AssignmentRecord) => ({ id: assignment.memberId }),
};

export const CommunityCensus = {
  __resolveReference: ({ communityId }: { communityId: string }, ctx: Context): Promise<Census | null> =>
    ctx.loaders.census.load(communityId),
};
