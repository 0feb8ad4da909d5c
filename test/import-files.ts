import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type Federation } from '@cpb/kit/testing';
import { headersOf, idNumberFor } from '@cpb/demo-world/testing';

/** Builders and a client for the import endpoints (test/*-import*.int.test.ts). */

export interface UploadAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  file?: Buffer;
}

/** A members row that passes every rule, by Chinese header, placed by its organisation's code (id), with a new ID number; override what a test is about. */
export const memberRow = <V>(organizationId: string, overrides: Record<string, V> = {}) => ({
  姓名: '拒收',
  性别: '女',
  公民身份号码: idNumberFor('1980-01-02'),
  民族: '汉族',
  所在党组织: organizationId,
  党员类别: '在职党员',
  入党日期: '2005-07-01',
  ...overrides,
});

/** The gateway's origin (its /graphql URL without the path). */
export const originOf = (federation: Federation) => new URL(federation.gatewayUrl).origin;

/** POSTs a file to /imports/:kind through the gateway, as any client would. */
export async function upload<T = Record<string, unknown>>(
  federation: Federation,
  kind: string,
  file: Buffer,
  options: { dryRun?: boolean; report?: 'xlsx'; headers?: Record<string, string> } = {},
): Promise<UploadAnswer<T>> {
  const query = new URLSearchParams({
    ...(options.dryRun ? { dryRun: 'true' } : {}),
    ...(options.report ? { report: options.report } : {}),
  });
  const answer = await fetch(`${originOf(federation)}/imports/${kind}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(options.headers ?? (await federation.asAdmin())) },
    body: new Blob([new Uint8Array(file)]),
  });
  if (answer.headers.get('content-type')?.includes('spreadsheetml'))
    return { status: answer.status, file: Buffer.from(await answer.arrayBuffer()) };
  return { status: answer.status, ...((await answer.json()) as object) };
}

export async function template(
  federation: Federation,
  kind: string,
  headers?: Record<string, string>,
): Promise<{ status: number; file: Buffer }> {
  const answer = await fetch(`${originOf(federation)}/imports/${kind}/template`, { headers: headers ?? (await federation.asAdmin()) });
  return { status: answer.status, file: Buffer.from(await answer.arrayBuffer()) };
}

/** The downloaded template filled with `rows` (objects by Chinese header) below its explanation row. */
export async function filledTemplate(
  templateFile: Buffer,
  rows: Record<string, string | number | Date | { formula: string }>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(templateFile as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV of `rows` under `headers`, in UTF-8 (with a BOM if asked) or GB18030. */
export function csvOf(headers: string[], rows: Record<string, string>[], encoding: 'utf8' | 'utf8-bom' | 'gb18030' = 'utf8'): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [headers.join(','), ...rows.map((r) => headers.map((h) => quote(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** The cells of the first sheet of an .xlsx, row by row (row 1 first). */
export async function sheetRows(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[])
      .slice(1)
      .map((v) =>
        v === null || v === undefined
          ? ''
          : v instanceof Date
            ? v.toISOString().slice(0, 10)
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v),
      );
  });
  return Array.from(rows, (r) => r ?? []);
}

/** What every kind of import answers (the kit's ImportReport), as a client reads it. */
export interface ImportReport {
  importId: string | null;
  committed: boolean;
  alreadyImported: boolean;
  dryRun: boolean;
  rowCount: number;
  createdCount: number;
  skippedRows: number[];
  errorCount: number;
  errors: { row: number; column: string; value: string; message: string; messageKey: string }[];
}

/**
 * Who may import `kind` with `file` (rows in community 0, the demo managers'): its managers (a dry run
 * without findings); the managers of community 1 and street 1 find the rows' targets not found
 * (`outsideKey`), as the graph hides what lies outside; other roles FORBIDDEN; anonymous UNAUTHENTICATED.
 */
export async function expectImportAccess(federation: Federation, kind: string, file: Buffer, outsideKey: string): Promise<void> {
  for (const persona of ['secretary', 'streetAdmin', 'districtAdmin'] as const) {
    const answer = await upload<ImportReport>(federation, kind, file, { dryRun: true, headers: await headersOf(persona) });
    expect([persona, answer.data?.errors]).toEqual([persona, []]);
  }
  for (const persona of ['otherSecretary', 'otherStreetAdmin'] as const) {
    const answer = await upload<ImportReport>(federation, kind, file, { headers: await headersOf(persona) });
    expect([persona, answer.data?.errors.map((e) => e.messageKey)]).toEqual([persona, [outsideKey]]);
  }
  for (const persona of ['analyst', 'member', 'unitLiaison'] as const) {
    const refused = await upload(federation, kind, file, { headers: await headersOf(persona) });
    expect([persona, refused.status, refused.errors?.[0].extensions.code]).toEqual([persona, 403, 'FORBIDDEN']);
  }
  const anonymous = await upload(federation, kind, file, { headers: {} });
  expect([anonymous.status, anonymous.errors?.[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
}
