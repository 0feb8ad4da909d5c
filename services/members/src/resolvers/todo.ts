import { toDoReadingOf, toDoSection, toDoSubtree, type ToDoListReference } from '@cpb/kit';
import type { Context } from '../context';
import { ToDoReads } from '../data/todo-reads';
import { memberToDo } from '../domain/todo-items';

/** The members section of `ToDoList`: the kit's reading rule, then four statements for the whole subtree. */
export const ToDoList = {
  members: async (list: ToDoListReference, _: unknown, ctx: Context) => {
    const reading = await toDoReadingOf(ctx.actor, () => ctx.access.manages(list.organizationId));
    const seesArrears = ctx.actor.role === 'COMMUNITY_SECRETARY' || ctx.actor.role === 'SERVICE';
    return toDoSection(await memberToDo(new ToDoReads(ctx.dataSource), toDoSubtree(list), seesArrears), reading);
  },
};
