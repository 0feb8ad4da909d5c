import { loadExisting, managesPath, readPeriod, today, toDoReadingOf, toDoSection } from '@cpb/kit';
import type { Context } from '../context';
import { complianceOf, monthsBefore } from '../domain/compliance';
import { OVERDUE_LOOKBACK_MONTHS, overdueMeetingItems } from '../domain/todo-meetings';
import { LIVING, type Organization } from '../entities';

export interface ToDoRef {
  organizationId: string;
}

/** Who reads this organisation's list, and how much (the kit's rule, on this service's own tree). */
async function readingOf(organizationId: string, ctx: Context) {
  const organization = await loadExisting(ctx.loaders.organization, 'Organization', organizationId, 'organizationId');
  return { organization, reading: await toDoReadingOf(ctx.actor, async () => managesPath(ctx.actor, organization.path)) };
}

/** The living organisations of the subtree, in one query for the ids and one for the rows. */
async function livingSubtree(organizationId: string, ctx: Context): Promise<Organization[]> {
  const found = await ctx.loaders.organization.loadMany(await ctx.loaders.subtreeIds.load(organizationId));
  return found.filter((o): o is Organization => o !== null && !(o instanceof Error) && LIVING.includes(o.status));
}

/** `Query.toDoList`: refused here first for anyone who may not read it, so no section is asked for them. */
export async function toDoList(_: unknown, { organizationId }: { organizationId: string }, ctx: Context): Promise<ToDoRef> {
  const { organization } = await readingOf(organizationId, ctx);
  return { organizationId: organization.id };
}

export const ToDoList = {
  __resolveReference: (ref: ToDoRef) => ({ organizationId: ref.organizationId }),
  organization: (list: ToDoRef, _: unknown, ctx: Context) => ctx.loaders.organization.load(list.organizationId),
  subtreeIds: (list: ToDoRef, _: unknown, ctx: Context) => ctx.loaders.subtreeIds.load(list.organizationId),
  communityIds: async (list: ToDoRef, _: unknown, ctx: Context) =>
    (await livingSubtree(list.organizationId, ctx)).flatMap((o) => (o.communityRoot && o.communityId ? [o.communityId] : [])),
  /** Overdue windows of the last 12 months for every living organisation of the subtree: four queries, whatever its size. */
  meetings: async (list: ToDoRef, _: unknown, ctx: Context) => {
    const { reading } = await readingOf(list.organizationId, ctx);
    const on = today();
    const period = readPeriod(monthsBefore(on, OVERDUE_LOOKBACK_MONTHS), on);
    const [organizations, rhythms] = await Promise.all([livingSubtree(list.organizationId, ctx), ctx.life.rhythms()]);
    const compliance = await Promise.all(
      organizations.map(async (o) => {
        const [held, committee] = await Promise.all([ctx.loaders.heldOnDays(period).load(o.id), ctx.loaders.hasCommittee.load(o.id)]);
        return { organizationId: o.id, types: complianceOf(o, committee, period, on, held, rhythms) };
      }),
    );
    return toDoSection([overdueMeetingItems(compliance)], reading);
  },
};
