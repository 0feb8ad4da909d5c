import { msg, TODO_ITEMS_PER_KIND, type ToDoFound, type ToDoItem } from '@cpb/kit';
import type { TypeCompliance } from './compliance';

/** How far back the to-do list (待办) looks for organisational life left undone. */
export const OVERDUE_LOOKBACK_MONTHS = 12;

/**
 * The meetings-overdue kind of the to-do list: one item per organisation, type and window that passed
 * without its meeting (lifeCompliance's overdue windows), due on the window's last day, oldest first.
 */
export function overdueMeetingItems(compliance: { organizationId: string; types: TypeCompliance[] }[]): ToDoFound {
  const items: ToDoItem[] = compliance.flatMap(({ organizationId, types }) =>
    types.flatMap((t) =>
      t.overdue.map((w) => ({
        kind: 'MEETING_OVERDUE' as const,
        subjectId: organizationId,
        dueOn: w.to,
        action: msg('todo.meetingOverdue', { type: t.type, from: w.from, to: w.to }),
      })),
    ),
  );
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.subjectId.localeCompare(b.subjectId));
  return { kind: 'MEETING_OVERDUE', total: items.length, items: items.slice(0, TODO_ITEMS_PER_KIND) };
}
