import { toDoReadingOf, toDoSection } from '@cpb/kit';
import type { Context } from '../context';
import { ToDoReads } from '../data/todo-reads';
import { memberToDo } from '../domain/todo-items';

/** What the gateway hands over (@requires): the subtree organizations computed. */
interface ToDoRef {
  organizationId: string;
  subtreeIds?: string[];
  communityIds?: string[];
}

/** The members section of `ToDoList`: the kit's reading rule, then four statements for the whole subtree. */
export const ToDoList = {
  members: async (list: ToDoRef, _: unknown, ctx: Context) => {
    const reading = await toDoReadingOf(ctx.actor, () => ctx.access.manages(list.organizationId));
    const seesArrears = ctx.actor.role === 'COMMUNITY_SECRETARY' || ctx.actor.role === 'SERVICE';
    const subtree = { subtreeIds: list.subtreeIds ?? [list.organizationId], communityIds: list.communityIds ?? [] };
    return toDoSection(await memberToDo(new ToDoReads(ctx.dataSource), subtree, seesArrears), reading);
  },
};
