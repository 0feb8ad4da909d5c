import { addDays, msg, TODO_ITEMS_PER_KIND, today, toDoFound, type ToDoFound } from '@cpb/kit';
import type { ToDoReads } from '../data/todo-reads';
import { firstDay, periodOfDay } from './dues-months';

/** The windows of the members service's to-do kinds (issue 17). */
export const PROBATION_DAYS_AHEAD = 30;
export const LETTER_DAYS_AHEAD = 3;
export const ARREARS_MONTHS = 3;

/**
 * What the secretaries of a subtree have to do about its members, four statements in all: probations
 * ending within 30 days (or ended, not converted), introduction letters lapsing within 3 days, dues owed
 * for 3 months or more, registrations (在职党员报到) with no feedback this year. Arrears name persons by
 * what they owe, so only secretaries see those items (the others count them), as `Organization.arrears`.
 */
export async function memberToDo(
  reads: ToDoReads,
  subtree: { subtreeIds: string[]; communityIds: string[] },
  seesArrears: boolean,
): Promise<ToDoFound[]> {
  const on = today();
  const year = on.slice(0, 4);
  const limit = TODO_ITEMS_PER_KIND;
  const [probations, letters, arrears, registrations] = await Promise.all([
    reads.probationsEnding(subtree.subtreeIds, addDays(on, PROBATION_DAYS_AHEAD), limit),
    reads.lettersLapsing(subtree.subtreeIds, on, addDays(on, LETTER_DAYS_AHEAD), limit),
    reads.duesArrears(subtree.subtreeIds, firstDay(periodOfDay(on)), ARREARS_MONTHS, limit),
    reads.registrationsNotAppraised(subtree.communityIds, `${year}-01-01`, `${year}-12-31`, limit),
  ]);
  return [
    toDoFound('PROBATION_ENDING', probations, (r) => msg('todo.probationEnding', { dueOn: r.dueOn })),
    toDoFound('TRANSFER_LETTER_LAPSING', letters, (r) => msg('todo.transferLetterLapsing', { dueOn: r.dueOn })),
    {
      ...toDoFound('DUES_ARREARS', arrears, (r) => msg('todo.duesArrears', { months: r.months!, since: r.since!.slice(0, 7) })),
      itemsWithheld: !seesArrears,
    },
    toDoFound('REGISTRATION_NOT_APPRAISED', registrations, () => msg('todo.registrationNotAppraised', { year })),
  ];
}
