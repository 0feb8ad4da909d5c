import { csvOf, filledTemplate, sheetRows, template, upload, type ImportReport } from '../../../test/import-files';
import { type Federation, startFederation, yearsAgo } from '@cpb/kit/testing';
import { headersOf, idNumberFor, seeded, type Seeded } from '@cpb/demo-world/testing';

/**
 * Issue 18: a member roster imported through the gateway's /imports/members (docs/decisions/0017):
 * every row checked before any is written, all or none, events and one audit entry, idempotent.
 */
type Report = ImportReport;

let federation: Federation;
let world: Seeded;
let templateFile: Buffer;
let organizationName: string;

beforeAll(async () => {
  federation = await startFederation();
  world = await seeded(federation);
  templateFile = (await template(federation, 'members')).file;
  const org = await federation.query<{ organization: { name: string } }>('query($id: ID!) { organization(id: $id) { name } }', {
    id: world.communities[0].partyOrganization.id,
  });
  organizationName = org.data!.organization.name;
});
afterAll(() => federation?.stop());

/** A row that passes every rule, by Chinese header; override what a test is about. */
function row(overrides: Record<string, string> = {}): Record<string, string> {
  const birth = '1985-03-09';
  return {
    姓名: '张导入',
    性别: '男',
    公民身份号码: idNumberFor(birth),
    民族: '汉族',
    学历: '大学本科',
    手机号码: '13812345678',
    所在党组织: organizationName,
    党员类别: '在职党员',
    入党日期: '2010-07-01',
    转正日期: '2011-07-01',
    技术特长: '法律咨询、家电维修',
    ...overrides,
  };
}

async function membersCount(): Promise<number> {
  const [{ n }] = await federation.subgraphs.members.running.database.dataSource.query(`SELECT count(*)::int AS n FROM member`);
  return n;
}

async function outboxCount(type: string): Promise<number> {
  const [{ n }] = await federation.subgraphs.members.running.database.dataSource.query(
    `SELECT count(*)::int AS n FROM outbox WHERE type = $1`,
    [type],
  );
  return n;
}

describe('the members template', () => {
  it('has the Chinese headers, an explanation row and drop-down lists', async () => {
    const rows = await sheetRows(templateFile);
    expect(rows[0]).toEqual([
      '姓名',
      '性别',
      '公民身份号码',
      '出生日期',
      '民族',
      '学历',
      '手机号码',
      '所在党组织',
      '党员类别',
      '入党日期',
      '转正日期',
      '技术特长',
      '公示责任区',
      '家庭住址',
    ]);
    expect(rows[1][0]).toMatch(/^【填写说明】必填。/);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(templateFile as unknown as ArrayBuffer);
    const validations = (workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(Object.values(validations).map((v) => v.formulae[0])).toEqual(
      expect.arrayContaining(['"男,女"', '"在职党员,退休党员,下岗失业党员,流动党员"']),
    );
  });
});

describe('importing a roster', () => {
  it('creates every row of a clean file in one transaction, with their events and one audit entry', async () => {
    const rows = [
      row(),
      row({ 姓名: '李导入', 性别: '女', 转正日期: '', 入党日期: yearsAgo(0, 30) }),
      row({
        姓名: '王导入',
        公民身份号码: idNumberFor('1960-02-29'),
        党员类别: '退休党员',
        入党日期: '1990年7月1日',
        转正日期: '1991/7/1',
      }),
    ];
    const file = await filledTemplate(templateFile, rows);
    const before = await membersCount();
    const recordedBefore = await outboxCount('member.recorded');
    const answer = await upload<Report>(federation, 'members', file);
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({
      committed: true,
      dryRun: false,
      alreadyImported: false,
      rowCount: 3,
      createdCount: 3,
      errorCount: 0,
      skippedRows: [],
    });
    expect(await membersCount()).toBe(before + 3);
    expect(await outboxCount('member.recorded')).toBe(recordedBefore + 3);
    const db = federation.subgraphs.members.running.database.dataSource;
    const audit = await db.query(`SELECT a.action, o.payload FROM audit_log a JOIN outbox o ON o.id = a.event_id WHERE a.target_id = $1`, [
      answer.data!.importId,
    ]);
    expect(audit).toEqual([
      { action: 'member-import.committed', payload: expect.objectContaining({ rowCount: 3, createdCount: 3, skippedCount: 0 }) },
    ]);
    const auditRowsOfMembers = await db.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN member_import_row r ON r.member_id::text = a.target_id WHERE r.import_id = $1`,
      [answer.data!.importId],
    );
    expect(auditRowsOfMembers[0].n).toBe(0);
    const [li] = await db.query(`SELECT status, probation_ends_on::text AS ends, skills FROM member WHERE name = '李导入'`);
    expect(li.status).toBe('PROBATIONARY');
    const [wang] = await db.query(
      `SELECT status, joined_on::text AS joined, converted_on::text AS converted, category FROM member WHERE name = '王导入'`,
    );
    expect(wang).toEqual({ status: 'FULL', joined: '1990-07-01', converted: '1991-07-01', category: 'RETIRED' });
  });

  it('validates only on a dry run: the report, nothing written', async () => {
    const file = await filledTemplate(templateFile, [row({ 姓名: '预演' }), row({ 姓名: '预演二' })]);
    const before = await membersCount();
    const answer = await upload<Report>(federation, 'members', file, { dryRun: true });
    expect(answer.data).toMatchObject({ committed: false, dryRun: true, rowCount: 2, createdCount: 0, errorCount: 0, importId: null });
    expect(await membersCount()).toBe(before);
  });

  it('reports every bad cell of every row in Chinese, and writes nothing', async () => {
    const good = row();
    const rows = [
      good,
      row({ 公民身份号码: '110101199003071234' }),
      row({ 手机号码: '12345', 性别: '未知' }),
      row({ 入党日期: '2000-01-01', 公民身份号码: idNumberFor('1990-01-01') }),
      row({ 所在党组织: '不存在的党支部' }),
      row({ 姓名: '', 党员类别: '学生' }),
      row({ 入党日期: '2026-13-45' }),
      { ...good, 姓名: '重复者' },
    ];
    const before = await membersCount();
    const answer = await upload<Report>(federation, 'members', await filledTemplate(templateFile, rows));
    expect(answer.data!.committed).toBe(false);
    expect(answer.data!.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [4, '公民身份号码', 'member.idNumberCheckCharacter'],
      [5, '性别', 'import.notInList'],
      [5, '手机号码', 'member.phone'],
      [6, '入党日期', 'member.beforeEighteenth'],
      [7, '所在党组织', 'import.organizationUnknown'],
      [8, '姓名', 'import.required'],
      [8, '党员类别', 'import.notInList'],
      [9, '入党日期', 'import.date'],
      [10, '公民身份号码', 'import.duplicateInFile'],
    ]);
    expect(answer.data!.errors[0]).toMatchObject({ value: '110101199003071234', message: '公民身份号码 的校验码有误（GB 11643）' });
    expect(answer.data!.errors[8].message).toBe('公民身份号码 与第 3 行重复');
    expect(await membersCount()).toBe(before);
  });

  it("gives the report as the user's own file with an error column", async () => {
    const rows = [row(), row({ 手机号码: '12345' })];
    const answer = await upload(federation, 'members', await filledTemplate(templateFile, rows), { report: 'xlsx' });
    const cells = await sheetRows(answer.file!);
    expect(cells[0].at(-1)).toBe('错误说明');
    expect(cells[0].slice(0, 3)).toEqual(['姓名', '性别', '公民身份号码']);
    expect(cells[3].at(-1)).toBe('手机号码：手机号码 须为中国大陆手机号码：以 13 至 19 开头的 11 位数字');
    expect(cells[2].length).toBeLessThan(cells[0].length);
  });

  it('refuses an ID number already recorded, and re-importing the same file creates nothing new', async () => {
    const rows = [row({ 姓名: '幂等一' }), row({ 姓名: '幂等二' })];
    const file = await filledTemplate(templateFile, rows);
    const first = await upload<Report>(federation, 'members', file);
    expect(first.data).toMatchObject({ committed: true, createdCount: 2 });
    const before = await membersCount();
    const again = await upload<Report>(federation, 'members', file);
    expect(again.data).toMatchObject({ committed: false, alreadyImported: true, importId: first.data!.importId, createdCount: 0 });
    // Saved again (other bytes), with one new row: the imported rows are skipped, the new one created.
    const resaved = await filledTemplate(templateFile, [...rows, row({ 姓名: '幂等三' })]);
    const third = await upload<Report>(federation, 'members', resaved);
    expect(third.data).toMatchObject({ committed: true, createdCount: 1, skippedRows: [3, 4] });
    expect(await membersCount()).toBe(before + 1);
    // A member recorded one by one is a duplicate, not skipped.
    const created = await federation.query<{ createMember: { idNumber: string } }>(
      'mutation($input: CreateMemberInput!) { createMember(input: $input) { idNumber } }',
      {
        input: {
          name: '手工录入',
          gender: 'MALE',
          birthDate: '1985-03-09',
          ethnicity: '汉族',
          idNumber: idNumberFor('1985-03-09'),
          category: 'EMPLOYED',
          joinedOn: '2010-07-01',
          organizationId: world.communities[0].partyOrganization.id,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const duplicate = await upload<Report>(
      federation,
      'members',
      await filledTemplate(templateFile, [row({ 公民身份号码: created.data!.createMember.idNumber })]),
    );
    expect(duplicate.data!.errors.map((e) => e.messageKey)).toEqual(['import.duplicateInDatabase']);
  });

  it('reads CSV in UTF-8 with and without a BOM, and in GB18030', async () => {
    const headers = ['姓名', '性别', '公民身份号码', '民族', '所在党组织', '党员类别', '入党日期'];
    for (const encoding of ['utf8', 'utf8-bom', 'gb18030'] as const) {
      const answer = await upload<Report>(federation, 'members', csvOf(headers, [row({ 姓名: `编码${encoding}` })], encoding), {
        dryRun: true,
      });
      expect(answer.data).toMatchObject({ rowCount: 1, errorCount: 0 });
    }
    const committed = await upload<Report>(federation, 'members', csvOf(headers, [row({ 姓名: '国标码' })], 'gb18030'));
    expect(committed.data).toMatchObject({ committed: true, createdCount: 1 });
    const [{ name }] = await federation.subgraphs.members.running.database.dataSource.query(
      `SELECT name FROM member WHERE name = '国标码'`,
    );
    expect(name).toBe('国标码');
  });

  it("refuses rows whose organisation lies outside the caller's subtree, as not found", async () => {
    const answer = await upload<Report>(federation, 'members', await filledTemplate(templateFile, [row()]), {
      headers: await headersOf('otherSecretary'),
    });
    expect(answer.data!.errors.map((e) => e.messageKey)).toEqual(['import.organizationUnknown']);
    for (const persona of ['analyst', 'member', 'unitLiaison'] as const) {
      const refused = await upload(federation, 'members', await filledTemplate(templateFile, [row()]), {
        headers: await headersOf(persona),
      });
      expect([refused.status, refused.errors?.[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    }
    const anonymous = await upload(federation, 'members', await filledTemplate(templateFile, [row()]), { headers: {} });
    expect([anonymous.status, anonymous.errors?.[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
