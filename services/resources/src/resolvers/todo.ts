import { toDoReadingOf, toDoSection, toDoSubtree, type ToDoListReference } from '@cpb/kit';
import type { Context } from '../context';
import { ToDoReads } from '../data/todo-reads';
import { coBuildingToDo } from '../domain/todo-items';

/** The co-building section of `ToDoList`: the kit's reading rule, then three statements for the whole subtree. */
export const ToDoList = {
  coBuilding: async (list: ToDoListReference, _: unknown, ctx: Context) => {
    const reading = await toDoReadingOf(ctx.actor, () => ctx.policy.manages(list.organizationId));
    return toDoSection(await coBuildingToDo(new ToDoReads(ctx.dataSource), toDoSubtree(list), ctx.today), reading);
  },
};
