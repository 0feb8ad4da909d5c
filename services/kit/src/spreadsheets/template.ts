import ExcelJS from 'exceljs';
import type { ColumnSpec } from './columns';
import { EXPLANATION_PREFIX } from './columns';

/** Rows the template's drop-downs and formats cover below its two header rows. */
const TEMPLATE_ROWS = 10_000;

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * An import template: the Chinese headers (required ones marked *…* in the explanation), an
 * explanation row under them (readers skip it), drop-down lists where a column takes fixed values,
 * and text format on ID-number and phone columns so Excel keeps every digit.
 */
export async function importTemplate(sheetName: string, columns: readonly ColumnSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 3) }));
  sheet.addRow(columns.map((c, i) => `${i === 0 ? EXPLANATION_PREFIX : ''}${c.required ? '必填。' : '选填。'}${c.explanation}`));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  sheet.getRow(2).alignment = { wrapText: true, vertical: 'top' };
  columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const column = sheet.getColumn(i + 1);
    if (c.text) column.numFmt = '@';
    if (c.date) column.numFmt = 'yyyy-mm-dd';
    if (c.list) {
      // One rule over the whole range (Excel's own form), not one per cell.
      (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}3:${letter}${TEMPLATE_ROWS + 2}`,
        {
          type: 'list',
          allowBlank: !c.required,
          formulae: [`"${c.list.join(',')}"`],
          showErrorMessage: true,
          errorTitle: c.header,
          error: c.list.join('、'),
        },
      );
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
