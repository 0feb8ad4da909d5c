import { render } from '../messages';
import { readSheet, type ReadOptions, type SheetFile, type SheetRow } from './read-sheet';
import { annotatedFile, type RowError } from './report';
import type { Finding } from './row-reader';

/** What an import answers, as data (the annotated file is built from it on request); the same for every kind. */
export interface ImportReport {
  importId: string | null;
  fingerprint: string;
  format: 'xlsx' | 'csv';
  dryRun: boolean;
  /** Whether this call wrote the rows (never on a dry run, never with errors). */
  committed: boolean;
  /** The same file was imported before: nothing new was created. */
  alreadyImported: boolean;
  rowCount: number;
  createdCount: number;
  /** Rows whose natural key an earlier import already brought in (re-importing creates nothing new). */
  skippedRows: number[];
  errorCount: number;
  errors: RowError[];
}

/** What an import found before writing: the file, the rows to create, the rows skipped, every finding, an earlier import of the file. */
export interface CheckedFile<R extends { row: number }, K extends string = string> {
  file: SheetFile;
  dryRun: boolean;
  rows: R[];
  skipped: R[];
  findings: Finding<K>[];
  previous: { id: string } | null;
}

/** One row as an import's own reader checked it: the row it makes, or why not (every refused cell). */
export interface ReadRow<R, K extends string> {
  value?: R;
  findings: Finding<K>[];
}

/**
 * The first step of every import: the upload read row by row, each row checked by the import's own
 * `readRow` (its columns and rules) as it comes off the sheet, so only the checked rows stay in
 * memory, not the sheet's cells. Answers the checked file (its findings so far; rows still to sort)
 * and the rows that passed.
 */
export async function checkSheet<R extends { row: number }, K extends string>(
  args: { file: Buffer; dryRun: boolean },
  options: ReadOptions,
  readRow: (row: SheetRow) => ReadRow<R, K>,
): Promise<{ checked: CheckedFile<R, K>; valid: R[] }> {
  const findings: Finding<K>[] = [];
  const valid: R[] = [];
  const file = await readSheet(args.file, options, (row) => {
    const read = readRow(row);
    for (const finding of read.findings) findings.push(finding);
    if (read.value) valid.push(read.value);
  });
  return { checked: { file, dryRun: args.dryRun, rows: [], skipped: [], findings, previous: null }, valid };
}

/**
 * Sorts checked rows by what the database holds for their natural key (`recordedIdOf`: the id of the
 * row already recorded, if any): new rows are to be created, rows an earlier import created
 * (`imported`) are skipped, rows recorded otherwise are refused with `refusal`.
 */
export function sortAgainstRecorded<R extends { row: number }, S extends R, K extends string>(
  checked: CheckedFile<R, K>,
  rows: readonly S[],
  recordedIdOf: (row: S) => string | undefined,
  imported: ReadonlySet<string>,
  refusal: (row: S) => Omit<Finding<K>, 'row'>,
): void {
  for (const r of rows) {
    const existing = recordedIdOf(r);
    if (!existing) checked.rows.push(r);
    else if (imported.has(existing)) checked.skipped.push(r);
    else checked.findings.push({ row: r.row, ...refusal(r) });
  }
}

/** Whether the checked file is to be written: not a dry run, no findings, not imported before. */
export function toCommit(checked: CheckedFile<{ row: number }>): boolean {
  return !checked.previous && !checked.dryRun && checked.findings.length === 0;
}

/** The report of a checked file: findings by row, in the caller's language, named by the column's header. */
export function importReport<K extends string>(
  checked: CheckedFile<{ row: number }, K>,
  headers: Record<K, string>,
  outcome: { importId: string | null; committed: boolean; createdCount: number },
): ImportReport {
  const errors = [...checked.findings]
    .sort((a, b) => a.row - b.row)
    .map((f) => ({ row: f.row, column: headers[f.column], value: f.value, message: render(f.message), messageKey: f.message.key }));
  return {
    importId: outcome.importId ?? checked.previous?.id ?? null,
    committed: outcome.committed,
    createdCount: outcome.createdCount,
    fingerprint: checked.file.fingerprint,
    format: checked.file.format,
    dryRun: checked.dryRun,
    alreadyImported: checked.previous !== null,
    rowCount: checked.file.rowCount,
    skippedRows: checked.skipped.map((r) => r.row),
    errorCount: errors.length,
    errors,
  };
}

/** The report of a file that writes nothing (a dry run, findings, or imported before). */
export const uncommitted = <K extends string>(checked: CheckedFile<{ row: number }, K>, headers: Record<K, string>) =>
  importReport(checked, headers, { importId: null, committed: false, createdCount: 0 });

/** The user's own file with the report's findings in an added error column (`?report=xlsx`). */
export function annotatedReport(file: Buffer, report: ImportReport): Promise<Buffer> {
  return annotatedFile(file, report.format, report.errors);
}
