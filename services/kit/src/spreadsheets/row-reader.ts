import * as check from '../validation';
import { DomainError } from '../errors';
import { msg, type Message } from '../messages';
import type { SheetCell, SheetRow } from './read-sheet';

/** A problem with one cell: the row and column the user sees, what was read, why it is refused. */
export interface Finding<K extends string = string> {
  row: number;
  column: K;
  value: string;
  message: Message;
}

const blank: SheetCell = { text: '', formula: false };
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date as people type it (2005-07-01, 2005/7/1, 2005.7.1, 2005年7月1日) or as Excel stores it. */
export function dateOf(field: string, cell: SheetCell): string {
  if (cell.date) return cell.date;
  const parts = DATE.exec(cell.text);
  if (!parts) throw new DomainError('BAD_USER_INPUT', msg('import.date', { field }), field);
  const day = `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}`;
  try {
    return check.isoDate(field, day);
  } catch {
    throw new DomainError('BAD_USER_INPUT', msg('import.date', { field }), field);
  }
}

/** One of a template's drop-down values, as the record means it. */
export function oneOf<T>(field: string, text: string, values: Record<string, T>): T {
  const value = values[text];
  if (value === undefined)
    throw new DomainError('BAD_USER_INPUT', msg('import.notInList', { field, allowed: Object.keys(values).join('、') }), field);
  return value;
}

/** A domain rule's refusal as a row's finding: its catalogue message (anything else is a fault, thrown on). */
export function refusalOf(error: unknown): Message {
  if (error instanceof DomainError && error.text) return error.text;
  throw error;
}

/**
 * Reads one sheet row column by column with the domain's own rule functions, collecting every
 * refused cell (not only the first) so one round of corrections fixes the row. A rule refuses by
 * throwing its DomainError, exactly as it does for the one-by-one mutation; the reader turns that
 * into a finding on the cell. A formula cell is never evaluated: it is a finding.
 */
export class RowReader<K extends string> {
  readonly findings: Finding<K>[] = [];

  constructor(
    private readonly sheetRow: SheetRow,
    private readonly headers: Record<K, string>,
  ) {}

  get row(): number {
    return this.sheetRow.row;
  }

  cell(column: K): SheetCell {
    return this.sheetRow.cells[column] ?? blank;
  }

  /** The column's checked value; undefined with a finding when refused; null when an optional column is blank. */
  read<T>(column: K, required: boolean, rule: (header: string, cell: SheetCell) => T): T | null | undefined {
    const c = this.cell(column);
    const header = this.headers[column];
    if (c.formula) return void this.add(column, '', msg('import.formula'));
    if (c.text === '') return required ? void this.add(column, '', msg('import.required', { field: header })) : null;
    try {
      return rule(header, c);
    } catch (error) {
      return void this.add(column, c.text, refusalOf(error));
    }
  }

  add(column: K, value: string, message: Message): void {
    this.findings.push({ row: this.sheetRow.row, column, value, message });
  }
}

/**
 * Rows repeating a natural key (an ID number, a unit in its community, a member in a team) earlier in
 * the file: each repeat is refused on `column`, naming the first row.
 */
export function duplicatesInFile<R extends { row: number }, K extends string>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  column: K,
  valueOf: (row: R) => string,
  header: string,
): Finding<K>[] {
  const first = new Map<string, number>();
  const findings: Finding<K>[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else findings.push({ row: r.row, column, value: valueOf(r), message: msg('import.duplicateInFile', { field: header, row: seen }) });
  }
  return findings;
}
