import { toDoReadingOf, toDoSection } from '@cpb/kit';
import type { Context } from '../context';
import { ToDoReads } from '../data/todo-reads';
import { coBuildingToDo } from '../domain/todo-items';

/** What the gateway hands over (@requires): the subtree organizations computed. */
interface ToDoRef {
  organizationId: string;
  subtreeIds?: string[];
  communityIds?: string[];
}

/** The co-building section of `ToDoList`: the kit's reading rule, then three statements for the whole subtree. */
export const ToDoList = {
  coBuilding: async (list: ToDoRef, _: unknown, ctx: Context) => {
    const reading = await toDoReadingOf(ctx.actor, () => ctx.policy.manages(list.organizationId));
    const subtree = { subtreeIds: list.subtreeIds ?? [list.organizationId], communityIds: list.communityIds ?? [] };
    return toDoSection(await coBuildingToDo(new ToDoReads(ctx.dataSource), subtree, ctx.today), reading);
  },
};
