import { createHash } from 'node:crypto';
import { msg } from '../messages';
import type { ColumnSpec } from './columns';
import { EXPLANATION_PREFIX } from './columns';
import { FileRefusedError } from './file-refusal';
import { decodeText, looksBinary, parseCsv } from './text-file';
import { eachSheetRow } from './xlsx-sheet';
import { guardWorkbookZip } from './zip-guard';

/** A cell as an import reads it: its text, and what Excel said of it (a formula is never evaluated). */
export interface SheetCell {
  text: string;
  formula: boolean;
  /** A number cell's value (an ID number typed as a number has lost digits). */
  number?: number;
  /** A date cell's calendar day, YYYY-MM-DD. */
  date?: string;
}

export interface SheetRow {
  /** The row's number as the user sees it in Excel (the header is row 1). */
  row: number;
  cells: Record<string, SheetCell>;
}

/** What an import keeps of the file it read: the rows themselves went, one at a time, to the import's reader. */
export interface SheetFile {
  format: 'xlsx' | 'csv';
  /** sha256 of the file's bytes: the same file imported twice is recognised by it. */
  fingerprint: string;
  /** Data rows read (blank rows and the explanation row not counted). */
  rowCount: number;
}

export interface ReadOptions {
  columns: readonly ColumnSpec[];
  maxRows: number;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const blank: SheetCell = { text: '', formula: false };

/** The header row against the template: every required column present, none twice. */
function columnIndexes(headers: string[], columns: readonly ColumnSpec[]): Map<string, number> {
  const seen = new Map<string, number>();
  headers.forEach((header, i) => {
    if (!header) return;
    if (seen.has(header)) throw new FileRefusedError('WRONG_HEADERS', msg('import.duplicateHeader', { header }));
    seen.set(header, i);
  });
  const missing = columns.filter((c) => c.required && !seen.has(c.header)).map((c) => c.header);
  if (missing.length > 0) throw new FileRefusedError('WRONG_HEADERS', msg('import.wrongHeaders', { missing: missing.join('、') }));
  return new Map(columns.filter((c) => seen.has(c.header)).map((c) => [c.key, seen.get(c.header)!]));
}

interface GridRow {
  row: number;
  cells: SheetCell[];
}

/**
 * Takes the grid a row at a time: the header (checked against the template), the optional
 * explanation row under it, then each data row keyed by the template's columns, handed on at once
 * (blank rows skipped, row numbers kept). Past `maxRows` rows are only counted, for the refusal.
 */
function rowTaker(options: ReadOptions, each: (row: SheetRow) => void) {
  let indexes: [string, number][] | undefined;
  let after = 0;
  let count = 0;
  return {
    take(r: GridRow): void {
      if (!indexes) {
        indexes = [
          ...columnIndexes(
            r.cells.map((c) => c.text),
            options.columns,
          ),
        ];
        return;
      }
      if (after++ === 0 && r.cells[0]?.text.startsWith(EXPLANATION_PREFIX)) return;
      if (!r.cells.some((c) => c.text !== '' || c.formula)) return;
      if (++count <= options.maxRows)
        each({ row: r.row, cells: Object.fromEntries(indexes.map(([key, i]) => [key, r.cells[i] ?? blank])) });
    },
    finish(): number {
      if (count === 0) throw new FileRefusedError('NO_ROWS', msg('import.noRows'));
      if (count > options.maxRows)
        throw new FileRefusedError('TOO_MANY_ROWS', msg('import.tooManyRows', { rows: count, maximum: options.maxRows }), {
          maximum: options.maxRows,
        });
      return count;
    },
  };
}

/**
 * The first sheet's cells, streamed (xlsx-sheet.ts: the sheet's XML inflated and parsed as it comes)
 * and handed on a row at a time: no workbook model, no per-cell objects of a library, no grid of the
 * whole sheet in memory. A refusal or fault of `take` is thrown as it is; anything else thrown while
 * reading means the file is not a spreadsheet.
 */
async function eachXlsxRow(file: Buffer, take: (row: GridRow) => void): Promise<void> {
  const entries = await guardWorkbookZip(file);
  const taken: { error?: unknown } = {};
  try {
    await eachSheetRow(file, entries, (row) => {
      try {
        take(row);
      } catch (error) {
        taken.error = error;
        throw error;
      }
    });
  } catch (error) {
    if (taken.error === error || error instanceof FileRefusedError) throw error;
    throw new FileRefusedError('NOT_A_SPREADSHEET', msg('import.notASpreadsheet'));
  }
}

function eachCsvRow(file: Buffer, take: (row: GridRow) => void): void {
  if (looksBinary(file)) throw new FileRefusedError('NOT_A_SPREADSHEET', msg('import.notASpreadsheet'));
  // A cell Excel would read as a formula (=…) is one here too: refused per row, never evaluated.
  parseCsv(decodeText(file)).forEach((cells, i) =>
    take({
      row: i + 1,
      cells: cells.map((text) => (text.startsWith('=') ? { text: '', formula: true } : { text: text.trim(), formula: false })),
    }),
  );
}

/**
 * Reads the first sheet of an uploaded .xlsx or .csv, handing each data row, keyed by the template's
 * columns, to `each` as it is read (the import checks it and keeps only what it needs: no copy of the
 * whole sheet's cells). Refuses the whole file (FileRefusedError) when it is empty, not a
 * spreadsheet, encrypted or an old .xls, macro-enabled, a zip bomb, has the wrong headers, no rows or
 * too many.
 */
export async function readSheet(file: Buffer, options: ReadOptions, each: (row: SheetRow) => void): Promise<SheetFile> {
  if (file.length === 0) throw new FileRefusedError('EMPTY_FILE', msg('import.emptyFile'));
  const fingerprint = createHash('sha256').update(file).digest('hex');
  if (file.subarray(0, 8).equals(COMPOUND_FILE)) throw new FileRefusedError('ENCRYPTED_WORKBOOK', msg('import.encryptedWorkbook'));
  const format = file.subarray(0, 4).equals(ZIP) ? 'xlsx' : 'csv';
  const rows = rowTaker(options, each);
  const take = (row: GridRow) => rows.take(row);
  if (format === 'xlsx') await eachXlsxRow(file, take);
  else eachCsvRow(file, take);
  return { format, fingerprint, rowCount: rows.finish() };
}
