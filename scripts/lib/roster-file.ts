import ExcelJS from 'exceljs';

/** The member rosters the import figures read (scripts/import-export-bench.ts, scripts/probes/sheet-read-memory.ts). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
let serial = 0;

/** A valid, unique resident ID number (GB 11643 check character) for someone born in 1960-1999. */
function idNumber(): string {
  serial++;
  const birth = `${1960 + (serial % 40)}${String(1 + (serial % 12)).padStart(2, '0')}${String(1 + (serial % 28)).padStart(2, '0')}`;
  const first17 = `${String(110000 + (Math.floor(serial / 1000) % 890000)).padStart(6, '0')}${birth}${String(serial % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((t, d, i) => t + Number(d) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The members template filled with `rows` valid rows, their organisations taken in turn from `organizations`. */
export async function roster(template: Buffer, rows: number, organizations: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      `导入党员${serial}`,
      i % 2 ? '男' : '女',
      idNumber(),
      null,
      '汉族',
      '大学本科',
      `139${String(serial).padStart(8, '0')}`,
      organizations[i % organizations.length],
      ['在职党员', '退休党员', '流动党员'][i % 3],
      '2020-07-01',
      '2021-07-01',
      '法律咨询',
      null,
      null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
