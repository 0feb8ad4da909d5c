import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { escapeFormula, writeExport } from '../src/spreadsheets';
import { decodeText, parseCsv } from '../src/spreadsheets/text-file';

describe('spreadsheet cells leaving the system (formula injection)', () => {
  it.each(['=1+2', '+86 138', '-3', '@SUM(A1)', '\tx'])('escapes %j with a leading apostrophe', (text) => {
    expect(escapeFormula(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text alone', () => {
    expect(escapeFormula('张三 = 党员')).toBe('张三 = 党员');
  });
  it('writes an .xlsx whose text cells never start a formula', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    async function* pages() {
      yield [{ name: '=HYPERLINK("http://x","y")', n: -5 }];
    }
    const count = await writeExport(
      out,
      '表',
      [
        { header: '姓名', value: (r: { name: string; n: number }) => r.name },
        { header: '数', value: (r: { name: string; n: number }) => r.n },
      ],
      pages(),
    );
    expect(count).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRow(2);
    expect([workbook.worksheets[0].getRow(1).getCell(1).value, row.getCell(1).value, row.getCell(2).value]).toEqual([
      '姓名',
      `'=HYPERLINK("http://x","y")`,
      -5,
    ]);
  });
});

describe('CSV as Excel in China writes it', () => {
  it('reads UTF-8 with and without a BOM, and GB18030', () => {
    const text = '姓名,性别\r\n"张,三",男\r\n';
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      iconv.encode(text, 'gb18030'),
    ]) {
      expect(parseCsv(decodeText(bytes))).toEqual([
        ['姓名', '性别'],
        ['张,三', '男'],
      ]);
    }
  });
  it('keeps quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,"b ""x""\nc"\n')).toEqual([['a', 'b "x"\nc']]);
  });
});
