import ExcelJS from 'exceljs';
import { msg, render } from '../messages';
import { escapeFormula } from './formula-escape';
import { parseCsv, decodeText } from './text-file';

/** One finding of an import: the row and column the user sees, the value read, the message in their language. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
  /** The catalogue key, for clients that branch on it. */
  messageKey: string;
}

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

/** The messages of each row, one line per finding: "列名：消息". */
function byRow(errors: readonly RowError[]): Map<number, string> {
  const lines = new Map<number, string[]>();
  for (const e of errors) lines.set(e.row, [...(lines.get(e.row) ?? []), `${e.column}：${e.message}`]);
  return new Map([...lines].map(([row, l]) => [row, l.join('\n')]));
}

/**
 * The user's own file with an error column added after its last one (header "错误说明"), each row's
 * findings in it and the row shaded: they fix the file they know and upload it again. A CSV becomes
 * an .xlsx of its cells (text only; nothing is evaluated).
 */
export async function annotatedFile(file: Buffer, format: 'xlsx' | 'csv', errors: readonly RowError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  if (format === 'xlsx') {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    sheet = workbook.worksheets[0];
  } else {
    sheet = workbook.addWorksheet('Sheet1');
    for (const record of parseCsv(decodeText(file))) sheet.addRow(record.map(escapeFormula));
  }
  const column = Math.max(sheet.getRow(1).cellCount, sheet.columnCount) + 1;
  const header = sheet.getRow(1).getCell(column);
  header.value = render(msg('import.errorColumn'));
  header.font = { bold: true, color: { argb: 'FFC00000' } };
  sheet.getColumn(column).width = 60;
  for (const [row, text] of byRow(errors)) {
    const cell = sheet.getRow(row).getCell(column);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = RED;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
