import type { Context } from '../context';

type ResidentUnitRef = { id: string };

export const ResidentUnit = {
  __resolveReference: (ref: ResidentUnitRef) => ref,
  resources: (unit: ResidentUnitRef, _: unknown, ctx: Context) => ctx.loaders.resourcesByProvider.load(unit.id),
};
