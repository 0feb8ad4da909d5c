import JSZip from 'jszip';
import { csvOf, filledTemplate, memberRow, template, upload } from '../../../test/import-files';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { seeded } from '@cpb/demo-world/testing';

/**
 * Issue 18, "Bad input": each bad file gets a coded refusal naming the problem (`extensions.reason`),
 * and nothing is written; formulas are never evaluated.
 */
let federation: Federation;
let templateFile: Buffer;
let organizationId: string;

beforeAll(async () => {
  federation = await startFederation();
  organizationId = (await seeded(federation)).communities[0].partyOrganization.id;
  templateFile = (await template(federation, 'members')).file;
});
afterAll(() => federation?.stop());

const row = (overrides: Record<string, string | { formula: string }> = {}) => memberRow(organizationId, overrides);

async function written(): Promise<{ members: number; outbox: number; imports: number }> {
  const [counts] = await federation.subgraphs.members.running.database.dataSource.query(
    `SELECT (SELECT count(*)::int FROM member) AS members, (SELECT count(*)::int FROM outbox) AS outbox, (SELECT count(*)::int FROM member_import) AS imports`,
  );
  return counts;
}

/** A zip holding these parts, as a workbook's container would. */
async function zipOf(parts: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('a bad file is refused with a code naming the problem, and nothing is written', () => {
  const cases: [string, () => Promise<Buffer>, number, string, string][] = [
    ['an empty file', async () => Buffer.alloc(0), 400, 'BAD_USER_INPUT', 'EMPTY_FILE'],
    [
      'a file that is not a spreadsheet (a PNG)',
      async () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200)]),
      400,
      'BAD_USER_INPUT',
      'NOT_A_SPREADSHEET',
    ],
    [
      'a zip that is not a workbook (a .docx)',
      () => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      400,
      'BAD_USER_INPUT',
      'NOT_A_SPREADSHEET',
    ],
    [
      'a sheet with the wrong headers',
      async () => csvOf(['名字', '电话'], [{ 名字: '张三', 电话: '13812345678' }]),
      400,
      'BAD_USER_INPUT',
      'WRONG_HEADERS',
    ],
    ['the template with no rows', async () => templateFile, 400, 'BAD_USER_INPUT', 'NO_ROWS'],
    // An encrypted .xlsx is an OLE compound file holding the encrypted package, as an old .xls is.
    [
      'a password-protected workbook',
      async () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]),
      400,
      'BAD_USER_INPUT',
      'ENCRYPTED_WORKBOOK',
    ],
    [
      'a macro workbook',
      async () => {
        const zip = await JSZip.loadAsync(await filledTemplate(templateFile, [row()]));
        zip.file('xl/vbaProject.bin', Buffer.from('macro'));
        return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      },
      400,
      'BAD_USER_INPUT',
      'MACRO_WORKBOOK',
    ],
    [
      'a zip bomb (50 MB of zeros in a 50 kB part)',
      () => zipOf({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': Buffer.alloc(50 * 1024 * 1024) }),
      400,
      'BAD_USER_INPUT',
      'ZIP_BOMB',
    ],
    ['a 100 MB file', async () => Buffer.alloc(100 * 1024 * 1024, 0x41), 413, 'PAYLOAD_TOO_LARGE', 'FILE_TOO_LARGE'],
  ];
  it.each(cases)('%s', async (_what, make, status, code, reason) => {
    const before = await written();
    const answer = await upload(federation, 'members', await make());
    expect([answer.status, answer.errors?.[0].extensions.code, answer.errors?.[0].extensions.reason]).toEqual([status, code, reason]);
    expect(answer.errors?.[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await written()).toEqual(before);
  });

  it('never evaluates a formula: the cell is refused and the file not written', async () => {
    const before = await written();
    const file = await filledTemplate(templateFile, [
      row(),
      row({ 公民身份号码: { formula: 'CONCATENATE("1101",A1)' }, 姓名: { formula: 'HYPERLINK("http://x","y")' } }),
    ]);
    const answer = await upload<{ committed: boolean; errors: { row: number; column: string; messageKey: string }[] }>(
      federation,
      'members',
      file,
    );
    expect(answer.data!.committed).toBe(false);
    expect(answer.data!.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [4, '姓名', 'import.formula'],
      [4, '公民身份号码', 'import.formula'],
    ]);
    const csv = await upload<{ errors: { messageKey: string }[] }>(
      federation,
      'members',
      csvOf(
        ['姓名', '性别', '公民身份号码', '民族', '所在党组织', '党员类别', '入党日期'],
        [row({ 姓名: '=cmd|"/c calc"!A0' }) as Record<string, string>],
      ),
    );
    expect(csv.data!.errors.map((e) => e.messageKey)).toEqual(['import.formula']);
    expect(await written()).toEqual(before);
  });

  it('refuses an unknown kind of import', async () => {
    const answer = await upload(federation, 'parking-permits', Buffer.from('x'));
    expect([answer.status, answer.errors?.[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
  });
});
