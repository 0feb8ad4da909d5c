import { createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { msg } from '../messages';
import { FileRefusedError } from './file-refusal';
import type { SheetCell } from './read-sheet';
import { dataStart, type ZipEntry } from './zip-guard';

type XlsxCell = SheetCell;

const blank: XlsxCell = { text: '', formula: false };
const notASheet = () => new FileRefusedError('NOT_A_SPREADSHEET', msg('import.notASpreadsheet'));

/**
 * Excel's built-in number formats that show a date or time: 14–22 in every locale, and the East Asian
 * ones (27–36, 50–58: 31 is yyyy"年"m"月"d"日", 57 yyyy"年"m"月", 58 m"月"d"日" in zh-CN), whose code the
 * file does not carry.
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47]);
for (let id = 50; id <= 58; id++) BUILT_IN_DATES.add(id);

/** A custom format code shows a date when, outside quoted text, escapes, paddings and [..] sections, it has y, m, d, h, s or b (Buddhist year). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** A calendar day from Excel's serial day number (1900 system: day 25569 is 1970-01-01; 1904 system: day 24107). */
export function dayOfSerial(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** A part of the zip streamed into a SAX parser; XML faults and inflate faults mean the file is not a spreadsheet. */
async function parsePart(file: Buffer, entry: ZipEntry, handlers: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  handlers(parser);
  const start = dataStart(file, entry);
  const stored = file.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    parser.write(stored.toString('utf8')).close();
    return;
  }
  const inflate = createInflateRaw();
  inflate.setEncoding('utf8');
  inflate.end(stored);
  let inflating = true;
  try {
    for await (const chunk of inflate) {
      inflating = false;
      parser.write(chunk as string);
      inflating = true;
    }
  } catch (error) {
    if (inflating) throw notASheet();
    throw error;
  }
  parser.close();
}

/** A qualified attribute by its local name (r:id may come under another prefix). */
function attributeByLocalName(tag: SaxesTagPlain, local: string): string | undefined {
  for (const [name, value] of Object.entries(tag.attributes)) if (name === local || name.endsWith(`:${local}`)) return value;
  return undefined;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

interface Workbook {
  sheetPath: string;
  date1904: boolean;
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
}

/** The workbook's first sheet (in workbook.xml's order, which is the tabs' order) and its date system. */
async function workbookOf(file: Buffer, parts: Map<string, ZipEntry>): Promise<Workbook> {
  const book = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw notASheet();
  let firstSheet: string | undefined;
  let date1904 = false;
  await parsePart(file, book, (p) =>
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(String(tag.attributes.date1904 ?? '').toLowerCase());
      if (name === 'sheet' && firstSheet === undefined) firstSheet = attributeByLocalName(tag as SaxesTagPlain, 'id');
    }),
  );
  const targets = new Map<string, string>();
  await parsePart(file, rels, (p) =>
    p.on('opentag', (tag) => {
      if (localName(tag.name) === 'Relationship') targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
    }),
  );
  const target = firstSheet === undefined ? undefined : targets.get(firstSheet);
  if (!target) throw notASheet();
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return { sheetPath, date1904, sharedStrings: parts.get('xl/sharedStrings.xml'), styles: parts.get('xl/styles.xml') };
}

/** Which cell styles (cellXfs indexes) show a date: built-in date formats and custom ones with y/m/d codes. */
async function dateStylesOf(file: Buffer, styles: ZipEntry | undefined): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!styles) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let xf = 0;
  await parsePart(file, styles, (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'numFmt' && isDateFormat(String(tag.attributes.formatCode ?? ''))) customDates.add(Number(tag.attributes.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        if (BUILT_IN_DATES.has(id) || customDates.has(id)) dates.add(xf);
        xf++;
      }
    });
    p.on('closetag', (tag) => {
      if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  return dates;
}

/**
 * Collects the text of <t> elements under each `container` (<si> or <is>: plain or rich text runs),
 * leaving out phonetic guides (<rPh>), and hands each container's text to `each`. Its three handlers
 * are called from the parser's (saxes keeps one handler per event).
 */
function textCollector(container: string, each: (text: string) => void) {
  let text = '';
  let inT = false;
  let inPhonetic = false;
  return {
    open(name: string): void {
      if (name === container) text = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inT = true;
    },
    text(t: string): void {
      if (inT) text += t;
    },
    close(name: string): void {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === container) each(text);
    },
  };
}

async function sharedStringsOf(file: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const collector = textCollector('si', (text) => strings.push(text));
  await parsePart(file, entry, (p) => {
    p.on('opentag', (tag) => collector.open(localName(tag.name)));
    p.on('text', collector.text);
    p.on('cdata', collector.text);
    p.on('closetag', (tag) => collector.close(localName(tag.name)));
  });
  return strings;
}

/** "AB12" → 28 (columns count from 1); undefined when the reference has no letters. */
function columnOf(reference: string): number | undefined {
  let column = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column || undefined;
}

/**
 * The first sheet of a guarded .xlsx read as a stream of rows: its XML is inflated and parsed as it
 * goes (saxes), so no sheet text, workbook model or per-cell objects beyond the current row stay in
 * memory; shared strings and which styles are dates are read first. Each row is handed to `take`
 * with its cells by column (holes are blank): text trimmed, numbers with their value, dates as their
 * calendar day, formulas marked and never evaluated. What `take` throws is thrown as it is.
 */
export async function eachSheetRow(
  file: Buffer,
  entries: readonly ZipEntry[],
  take: (row: { row: number; cells: XlsxCell[] }) => void,
): Promise<void> {
  const parts = new Map(entries.map((e) => [e.name, e]));
  const book = await workbookOf(file, parts);
  const sheet = parts.get(book.sheetPath);
  if (!sheet) throw notASheet();
  const dateStyles = await dateStylesOf(file, book.styles);
  const shared = await sharedStringsOf(file, book.sharedStrings);

  let rowNumber = 0;
  let cells: XlsxCell[] = [];
  let column = 0;
  let type = 'n';
  let style = 0;
  let formula = false;
  let value = '';
  let inValue = false;
  let inline: string | undefined;
  const inlineText = textCollector('is', (text) => void (inline = text));

  const cellOf = (): XlsxCell => {
    if (formula) return { text: '', formula: true };
    if (inline !== undefined) return { text: inline.trim(), formula: false };
    if (value === '') return blank;
    switch (type) {
      case 's': {
        const text = shared[Number(value)];
        if (text === undefined) throw notASheet();
        return { text: text.trim(), formula: false };
      }
      case 'str':
      case 'inlineStr':
        return { text: value.trim(), formula: false };
      case 'b':
        return { text: value === '1' ? 'true' : 'false', formula: false };
      case 'e':
        return blank;
      case 'd': {
        const day = value.slice(0, 10);
        return { text: day, formula: false, date: day };
      }
      default: {
        const number = Number(value);
        if (!Number.isFinite(number)) throw notASheet();
        if (dateStyles.has(style)) {
          const day = dayOfSerial(number, book.date1904);
          return { text: day, formula: false, date: day };
        }
        return { text: String(number), formula: false, number };
      }
    }
  };

  await parsePart(file, sheet, (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      inlineText.open(name);
      switch (name) {
        case 'row':
          rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
          cells = [];
          column = 0;
          break;
        case 'c':
          column = (tag.attributes.r && columnOf(String(tag.attributes.r))) || column + 1;
          type = String(tag.attributes.t ?? 'n');
          style = Number(tag.attributes.s ?? 0);
          formula = false;
          value = '';
          inline = undefined;
          break;
        case 'f':
          formula = true;
          break;
        case 'v':
          inValue = true;
          break;
      }
    });
    p.on('text', (t) => {
      if (inValue) value += t;
      else inlineText.text(t);
    });
    p.on('cdata', inlineText.text);
    p.on('closetag', (tag) => {
      const name = localName(tag.name);
      inlineText.close(name);
      switch (name) {
        case 'v':
          inValue = false;
          break;
        case 'c':
          cells[column - 1] = cellOf();
          break;
        case 'row':
          take({ row: rowNumber, cells: Array.from(cells, (c) => c ?? blank) });
          cells = [];
          break;
      }
    });
  });
}
