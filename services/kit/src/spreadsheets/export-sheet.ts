import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { escapeFormula } from './formula-escape';

export interface ExportColumn<R> {
  header: string;
  width?: number;
  value(row: R): string | number | null | undefined;
}

/**
 * Streams an .xlsx of `rows` to `out`, one row committed at a time (a 100,000-row roster never sits
 * in memory as a workbook). Every text cell that a spreadsheet would read as a formula is escaped.
 */
export async function writeExport<R>(
  out: Writable,
  sheetName: string,
  columns: readonly ExportColumn<R>[],
  rows: AsyncIterable<readonly R[]>,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? Math.max(12, c.header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const page of rows) {
    for (const row of page) {
      sheet
        .addRow(
          columns.map((c) => {
            const value = c.value(row);
            return typeof value === 'string' ? escapeFormula(value) : (value ?? null);
          }),
        )
        .commit();
      count++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
