import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FileRefusedError, readSheet, type SheetRow } from '../src/spreadsheets';
import { isDateFormat } from '../src/spreadsheets/xlsx-sheet';

/**
 * The .xlsx reader of the imports (issue 18): the first sheet's XML streamed without a workbook model.
 * Files written by exceljs as Excel users' files are, and hand-written parts for what exceljs does not
 * write (built-in Chinese date formats, the 1904 date system, inline and phonetic text, sheet order).
 */
const columns = [
  { key: 'name', header: '姓名', required: true, explanation: '' },
  { key: 'id', header: '公民身份号码', required: true, explanation: '' },
  { key: 'joined', header: '入党日期', required: false, explanation: '' },
  { key: 'note', header: '备注', required: false, explanation: '' },
] as const;

async function read(file: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  await readSheet(file, { columns, maxRows: 100 }, (row) => rows.push(row));
  return rows;
}

async function refusal(file: Buffer): Promise<string | undefined> {
  try {
    await read(file);
  } catch (error) {
    if (error instanceof FileRefusedError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('reading an .xlsx written by Excel-like tools', () => {
  it('reads shared and rich text, numbers, dates by their format, formulas refused, the first sheet only', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党员');
    sheet.addRow(['姓名', '公民身份号码', '入党日期', '备注']);
    sheet.addRow(['【填写说明】必填。', '', '', '']);
    sheet.addRow(['  张三 ', '110101198001020016', new Date(Date.UTC(2005, 6, 1)), { richText: [{ text: '法律' }, { text: '咨询 ' }] }]);
    sheet.addRow([]);
    sheet.addRow(['李四', 110101198001020000, '2005年7月1日', true]);
    sheet.addRow([{ formula: 'CONCATENATE("a","b")', result: 'ab' }, '110101198001020016', null, { formula: 'A3', result: '张三' }]);
    const chinese = sheet.addRow(['王五', '110101198001020016', new Date(Date.UTC(1990, 11, 31)), 3.5]);
    chinese.getCell(3).numFmt = 'yyyy"年"m"月"d"日"';
    workbook.addWorksheet('另一张').addRow(['姓名', '公民身份号码']);
    const rows = await read(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows.map((r) => r.row)).toEqual([3, 5, 6, 7]);
    expect(rows[0].cells).toEqual({
      name: { text: '张三', formula: false },
      id: { text: '110101198001020016', formula: false },
      joined: { text: '2005-07-01', formula: false, date: '2005-07-01' },
      note: { text: '法律咨询', formula: false },
    });
    expect(rows[1].cells.id).toEqual({ text: '110101198001020000', formula: false, number: 110101198001020000 });
    expect(rows[1].cells.joined).toEqual({ text: '2005年7月1日', formula: false });
    expect(rows[1].cells.note).toEqual({ text: 'true', formula: false });
    expect([rows[2].cells.name, rows[2].cells.note]).toEqual([
      { text: '', formula: true },
      { text: '', formula: true },
    ]);
    expect(rows[3].cells.joined).toEqual({ text: '1990-12-31', formula: false, date: '1990-12-31' });
    expect(rows[3].cells.note).toEqual({ text: '3.5', formula: false, number: 3.5 });
  });

  it('refuses wrong headers, no rows, too many rows as before', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['姓名', '备注']);
    expect(await refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('WRONG_HEADERS');
    workbook.worksheets[0].getRow(1).values = ['姓名', '公民身份号码'];
    expect(await refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('NO_ROWS');
  });
});

/** A workbook from hand-written parts (what Excel itself writes, trimmed to what the reader looks at). */
async function handWritten(parts: {
  workbook?: string;
  styles?: string;
  shared?: string;
  sheets: Record<string, string>;
}): Promise<Buffer> {
  const zip = new JSZip();
  const sheetNames = Object.keys(parts.sheets);
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    parts.workbook ??
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetNames
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNames
      .map((n, i) => `<Relationship Id="rId${i + 1}" Type="worksheet" Target="worksheets/${n}.xml"/>`)
      .join('')}</Relationships>`,
  );
  if (parts.styles) zip.file('xl/styles.xml', parts.styles);
  if (parts.shared) zip.file('xl/sharedStrings.xml', parts.shared);
  for (const [name, xml] of Object.entries(parts.sheets)) zip.file(`xl/worksheets/${name}.xml`, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>公民身份号码</t></is></c><c r="C1" t="inlineStr"><is><t>入党日期</t></is></c></row>';
const sheetXml = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}${rows}</sheetData></worksheet>`;
/** Style 0 General; 1–4 the built-in date formats 14, 31 (yyyy年m月d日), 57 (yyyy年m月), 58 (m月d日); 5 text; 6 a custom 0.00E+00. */
const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00E+00"/></numFmts>
<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="58"/><xf numFmtId="49"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

describe('reading parts exceljs does not write', () => {
  it('reads the built-in Chinese date formats (31, 57, 58) and 14 as days, other formats as numbers', async () => {
    // 38534 is 2005-07-01 in the 1900 system.
    const rows = ['1', '2', '3', '4', '5', '6'].map(
      (s, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>人${s}</t></is></c><c r="B${i + 2}" s="${s}"><v>38534</v></c></row>`,
    );
    const read0 = await read(await handWritten({ styles, sheets: { sheet1: sheetXml(rows.join('')) } }));
    expect(read0.map((r) => r.cells.id)).toEqual([
      { text: '2005-07-01', formula: false, date: '2005-07-01' },
      { text: '2005-07-01', formula: false, date: '2005-07-01' },
      { text: '2005-07-01', formula: false, date: '2005-07-01' },
      { text: '2005-07-01', formula: false, date: '2005-07-01' },
      { text: '38534', formula: false, number: 38534 },
      { text: '38534', formula: false, number: 38534 },
    ]);
  });

  it('counts days from 1904 when the workbook says so', async () => {
    const workbook = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const row =
      '<row r="2"><c r="A2" t="inlineStr"><is><t>人</t></is></c><c r="B2" t="s"><v>0</v></c><c r="C2" s="1"><v>37072</v></c></row>';
    const shared = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>110101198001020016</t></si></sst>';
    const [r] = await read(await handWritten({ workbook, styles, shared, sheets: { sheet1: sheetXml(row) } }));
    expect(r.cells.joined).toEqual({ text: '2005-07-01', formula: false, date: '2005-07-01' });
    expect(r.cells.id.text).toBe('110101198001020016');
  });

  it('joins rich runs, leaves out phonetic guides, takes cells without references in order, a shared formula refused', async () => {
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si></sst>`;
    const rows =
      '<row><c t="s"><v>0</v></c><c t="inlineStr"><is><r><t>1101011980</t></r><r><t>01020016</t></r></is></c><c r="C2"><f t="shared" si="0"/><v>1</v></c></row>' +
      '<row r="4"><c r="A4" t="str"><f>A2</f><v>张三</v></c><c r="B4" t="e"><v>#N/A</v></c></row>';
    const got = await read(await handWritten({ shared, sheets: { sheet1: sheetXml(rows) } }));
    expect(got.map((r) => r.row)).toEqual([2, 4]);
    expect(got[0].cells).toMatchObject({ name: { text: '张三' }, id: { text: '110101198001020016' }, joined: { formula: true } });
    expect(got[1].cells).toMatchObject({ name: { text: '', formula: true }, id: { text: '', formula: false } });
  });

  it("reads the workbook's first sheet, wherever its part lies", async () => {
    const workbook = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="b" sheetId="2" r:id="rId2"/><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const one = (name: string) => sheetXml(`<row r="2"><c r="A2" t="inlineStr"><is><t>${name}</t></is></c></row>`);
    const got = await read(await handWritten({ workbook, sheets: { a: one('第一张'), b: one('第二张') } }));
    expect(got.map((r) => r.cells.name.text)).toEqual(['第二张']);
  });

  it('refuses a sheet that is not XML, a shared string out of range, a missing sheet part', async () => {
    expect(await refusal(await handWritten({ sheets: { sheet1: sheetXml('<row r="2"><c r="A2"><v>1</c></row>') } }))).toBe(
      'NOT_A_SPREADSHEET',
    );
    expect(await refusal(await handWritten({ sheets: { sheet1: sheetXml('<row r="2"><c r="A2" t="s"><v>9</v></c></row>') } }))).toBe(
      'NOT_A_SPREADSHEET',
    );
    const workbook = `<workbook xmlns:r="r"><sheets><sheet name="x" r:id="rId9"/></sheets></workbook>`;
    expect(await refusal(await handWritten({ workbook, sheets: { sheet1: sheetXml('') } }))).toBe('NOT_A_SPREADSHEET');
  });

  it('tells date formats by their codes', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy"年"m"月"', 'm/d/yy h:mm', 'YYYY/MM/DD'])
      expect(isDateFormat(code)).toBe(true);
    for (const code of ['General', '0.00E+00', '#,##0 "元"', '@', '[Red]0.00', '0.00_);[Red](0.00)', '"yyyy"0'])
      expect(isDateFormat(code)).toBe(false);
  });
});
