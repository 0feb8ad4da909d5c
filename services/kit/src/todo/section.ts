import { managerRoles, UnauthenticatedError, type Actor } from '../auth';
import { ForbiddenError } from '../errors';
import { readPage } from '../graphql/pagination';
import { msg, render, type Message } from '../messages';

/**
 * The secretary's to-do list (待办, issue 17) is one entity, `ToDoList @key(fields: "organizationId")`,
 * that organizations returns and every service that owns a fact adds a section to. What the sections
 * share is said once here: who reads items and who only counts, and how a section is shaped.
 */
export type ToDoKind =
  | 'PROBATION_ENDING'
  | 'TRANSFER_LETTER_LAPSING'
  | 'DUES_ARREARS'
  | 'REGISTRATION_NOT_APPRAISED'
  | 'MEETING_OVERDUE'
  | 'AGREEMENT_REVIEW'
  | 'AGREEMENT_EXPIRING'
  | 'NEED_OPEN';

/** One thing to do: what (a catalogue message, worded when read), about what (an id), by when. */
export interface ToDoItem {
  kind: ToDoKind;
  action: Message;
  subjectId: string;
  dueOn: string;
}

/** A kind's items as one query found them: how many there are, and the first (soonest due) few. */
export interface ToDoFound {
  kind: ToDoKind;
  total: number;
  items: ToDoItem[];
  /** Counted for this reader but its items withheld (e.g. dues arrears from all but secretaries). */
  itemsWithheld?: boolean;
}

/** The most items one query brings back for a kind: the most `items(first)` may ask for. */
export const TODO_ITEMS_PER_KIND = 100;

/** What a reader of an organisation's list gets: items (its managers), counts (analysts), or a refusal. */
export type ToDoReading = 'items' | 'counts';

/**
 * Secretaries and administrators whose subtree holds the organisation read the items; analysts the
 * counts only; members, unit liaisons and managers of other subtrees are refused.
 */
export async function toDoReadingOf(actor: Actor, manages: () => Promise<boolean>): Promise<ToDoReading> {
  if (actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
  if (actor.role === 'SERVICE') return 'items';
  if (actor.role === 'ANALYST') return 'counts';
  if (managerRoles.includes(actor.role) && (await manages())) return 'items';
  throw new ForbiddenError(msg('todo.readers'));
}

export interface ToDoSection {
  counts: { kind: ToDoKind; count: number }[];
  total: number;
  items(args: { first?: number | null }): { kind: ToDoKind; action: string; subjectId: string; dueOn: string }[];
}

/** A section of the list from its kinds: counts for every reader; items, soonest due first, for managers only. */
export function toDoSection(found: ToDoFound[], reading: ToDoReading): ToDoSection {
  return {
    counts: found.map((f) => ({ kind: f.kind, count: f.total })),
    total: found.reduce((sum, f) => sum + f.total, 0),
    items({ first }) {
      if (reading === 'counts') throw new ForbiddenError(msg('todo.countsOnly'));
      const { limit } = readPage({ first: first ?? 50 });
      return found
        .filter((f) => !f.itemsWithheld)
        .flatMap((f) => f.items)
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind) || a.subjectId.localeCompare(b.subjectId))
        .slice(0, limit)
        .map((item) => ({ ...item, action: render(item.action) }));
    },
  };
}

/** A kind's rows as one statement found them: the first few (soonest due), each with the kind's total. */
export interface ToDoRow {
  subjectId: string;
  dueOn: string;
  total: number;
}

/** A kind from its statement's rows, each item worded by `action`. */
export function toDoFound<R extends ToDoRow>(kind: ToDoKind, rows: R[], action: (row: R) => Message): ToDoFound {
  return {
    kind,
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({ kind, subjectId: row.subjectId, dueOn: row.dueOn, action: action(row) })),
  };
}

/** The list as a contributing service receives it (`@requires(fields: "subtreeIds communityIds")`). */
export interface ToDoListReference {
  organizationId: string;
  subtreeIds?: string[];
  communityIds?: string[];
}

/** The subtree a section answers for: the organisations and the communities organizations handed over. */
export function toDoSubtree(list: ToDoListReference): { subtreeIds: string[]; communityIds: string[] } {
  return { subtreeIds: list.subtreeIds ?? [list.organizationId], communityIds: list.communityIds ?? [] };
}
