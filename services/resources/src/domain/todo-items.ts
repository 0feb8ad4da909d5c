import { addDays, msg, TODO_ITEMS_PER_KIND, toDoFound, type ToDoFound } from '@cpb/kit';
import type { ToDoReads } from '../data/todo-reads';

/** The windows of the co-building to-do kinds (issue 17). */
export const AGREEMENT_DAYS_AHEAD = 60;
export const REVIEW_DAYS_AHEAD = 30;
export const NEED_OPEN_DAYS = 30;

/**
 * What the managers of a subtree have to do about co-building, three statements in all: agreements
 * whose yearly review falls within 30 days, agreements ending within 60 days (the renewal to agree),
 * and resident needs still unmatched more than 30 days after they were raised.
 */
export async function coBuildingToDo(
  reads: ToDoReads,
  subtree: { subtreeIds: string[]; communityIds: string[] },
  today: string,
): Promise<ToDoFound[]> {
  const limit = TODO_ITEMS_PER_KIND;
  const [reviews, ending, needs] = await Promise.all([
    reads.agreementsToReview(subtree.subtreeIds, today, addDays(today, REVIEW_DAYS_AHEAD), limit),
    reads.agreementsEnding(subtree.subtreeIds, today, addDays(today, AGREEMENT_DAYS_AHEAD), limit),
    reads.needsOpen(subtree.communityIds, addDays(today, -NEED_OPEN_DAYS), today, NEED_OPEN_DAYS, limit),
  ]);
  return [
    toDoFound('AGREEMENT_REVIEW', reviews, (r) => msg('todo.agreementReview', { dueOn: r.dueOn })),
    toDoFound('AGREEMENT_EXPIRING', ending, (r) => msg('todo.agreementExpiring', { dueOn: r.dueOn })),
    toDoFound('NEED_OPEN', needs, (r) => msg('todo.needOpen', { days: r.days! })),
  ];
}
