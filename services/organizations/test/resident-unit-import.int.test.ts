import { expectImportAccess, filledTemplate, sheetRows, template, upload, type ImportReport } from '../../../test/import-files';
import { worldId } from '@cpb/demo-world';
import { headersOf, type PersonaName } from '@cpb/demo-world/testing';
import { onBroker, outboxRows, startOnBroker, type OnBroker } from '@cpb/kit/testing';

/**
 * Issue 18: resident units (驻区单位) imported through the gateway's /imports/resident-units to the
 * organizations service (docs/decisions/0021): createResidentUnit's rules and scope for every row,
 * all or none, resident-unit.created per unit on the broker, one audit entry, idempotent.
 */

let stack: OnBroker;
let templateFile: Buffer;
/** Community 0 (the demo secretary's and street admin's), community 1 (the "other" personas'). */
let communities: { id: string; name: string; residentUnits: { name: string }[] }[];

beforeAll(async () => {
  stack = await startOnBroker('organizations');
  templateFile = (await template(stack.federation, 'resident-units')).file;
  const result = await stack.federation.query<{ streets: { communities: typeof communities }[] }>(
    '{ streets { communities { id name residentUnits { name } } } }',
  );
  const all = result.data!.streets.flatMap((s) => s.communities);
  communities = [0, 1].map((n) => all.find((c) => c.id === worldId('community', n))!);
});
afterAll(() => stack?.stop());

const db = () => stack.federation.subgraphs.organizations.running.database.dataSource;
let serial = 0;
/** A row that passes every rule, by Chinese header. */
const row = (overrides: Record<string, string> = {}) => ({
  单位名称: `导入单位${++serial}`,
  单位类别: '非公企业',
  所在社区: communities[0].name,
  ...overrides,
});
const unitCount = async (): Promise<number> => (await db().query(`SELECT count(*)::int AS n FROM resident_unit`))[0].n;

describe('the resident units template', () => {
  it('has the Chinese headers, an explanation row and the category drop-down', async () => {
    const rows = await sheetRows(templateFile);
    expect(rows[0]).toEqual(['单位名称', '单位类别', '所在社区']);
    expect(rows[1][0]).toMatch(/^【填写说明】必填。/);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(templateFile as unknown as ArrayBuffer);
    const validations = (workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(new Set(Object.values(validations).map((v) => v.formulae[0]))).toEqual(new Set(['"机关,事业单位,国有企业,非公企业,社会组织"']));
  });
});

describe('importing resident units', () => {
  it('creates every row in one transaction, each with resident-unit.created on the broker, and one audit entry', async () => {
    const rows = [row(), row({ 单位类别: '事业单位', 所在社区: communities[1].id }), row({ 单位类别: '机关' })];
    const before = await unitCount();
    const answer = await upload<ImportReport>(stack.federation, 'resident-units', await filledTemplate(templateFile, rows));
    expect(answer.data).toMatchObject({ committed: true, rowCount: 3, createdCount: 3, errorCount: 0, skippedRows: [] });
    expect(await unitCount()).toBe(before + 3);
    const created = await db().query(
      `SELECT u.id, u.name, u.category, u.community_id AS "communityId" FROM resident_unit u
         JOIN resident_unit_import_row r ON r.resident_unit_id = u.id WHERE r.import_id = $1 ORDER BY r.row_number`,
      [answer.data!.importId],
    );
    expect(created.map((u: { name: string; category: string; communityId: string }) => [u.name, u.category, u.communityId])).toEqual([
      [rows[0].单位名称, 'NON_PUBLIC_ENTERPRISE', communities[0].id],
      [rows[1].单位名称, 'PUBLIC_INSTITUTION', communities[1].id],
      [rows[2].单位名称, 'GOVERNMENT_AGENCY', communities[0].id],
    ]);
    const events = (await outboxRows(stack.federation, 'organizations', 'resident-unit.created')).filter((e) =>
      created.some((u: { id: string }) => u.id === e.aggregate_id),
    );
    expect(events.map((e) => e.payload.name)).toEqual(rows.map((r) => r.单位名称));
    const [onTheBroker] = await onBroker(stack.reader, 'resident-unit.created', created[1].id);
    expect(onTheBroker.data).toEqual({
      residentUnitId: created[1].id,
      communityId: communities[1].id,
      name: rows[1].单位名称,
      category: 'PUBLIC_INSTITUTION',
    });
    const audit = await db().query(
      `SELECT a.action, o.payload FROM audit_log a JOIN outbox o ON o.id = a.event_id WHERE a.target_id = $1`,
      [answer.data!.importId],
    );
    expect(audit).toEqual([
      { action: 'resident-unit-import.committed', payload: expect.objectContaining({ rowCount: 3, createdCount: 3, skippedCount: 0 }) },
    ]);
    await onBroker(stack.reader, 'resident-unit-import.committed', answer.data!.importId!);
    // The one-by-one units' audit rows are not written for an import's rows: the import is the one act.
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = ANY($1)`, [
      created.map((u: { id: string }) => u.id),
    ]);
    expect(n).toBe(0);
  });

  it('validates only on a dry run', async () => {
    const before = await unitCount();
    const answer = await upload<ImportReport>(stack.federation, 'resident-units', await filledTemplate(templateFile, [row(), row()]), {
      dryRun: true,
    });
    expect(answer.data).toMatchObject({ committed: false, dryRun: true, rowCount: 2, createdCount: 0, errorCount: 0, importId: null });
    expect(await unitCount()).toBe(before);
  });

  it('reports every bad cell of every row in Chinese, and writes nothing', async () => {
    const repeated = row();
    const rows = [
      repeated,
      row({ 单位类别: '个体户' }),
      row({ 单位名称: '' }),
      row({ 所在社区: '不存在的社区' }),
      row({ 单位名称: '长'.repeat(101) }),
      { ...repeated },
      row({ 单位名称: communities[0].residentUnits[0].name }),
    ];
    const before = await unitCount();
    const outboxBefore = (await outboxRows(stack.federation, 'organizations', 'resident-unit.created')).length;
    const answer = await upload<ImportReport>(stack.federation, 'resident-units', await filledTemplate(templateFile, rows));
    expect(answer.data!.committed).toBe(false);
    expect(answer.data!.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [4, '单位类别', 'import.notInList'],
      [5, '单位名称', 'import.required'],
      [6, '所在社区', 'import.communityUnknown'],
      [7, '单位名称', 'input.length'],
      [8, '单位名称', 'import.duplicateInFile'],
      [9, '单位名称', 'import.unitRecorded'],
    ]);
    expect(answer.data!.errors[2].message).toBe('在您管理的范围内找不到名称或编码为“不存在的社区”的社区');
    expect(answer.data!.errors[4].message).toBe('单位名称 与第 3 行重复');
    expect(await unitCount()).toBe(before);
    expect((await outboxRows(stack.federation, 'organizations', 'resident-unit.created')).length).toBe(outboxBefore);
  });

  it('creates nothing new from the same file again, and skips the units an earlier import brought in', async () => {
    const rows = [row(), row()];
    const file = await filledTemplate(templateFile, rows);
    const first = await upload<ImportReport>(stack.federation, 'resident-units', file);
    expect(first.data).toMatchObject({ committed: true, createdCount: 2 });
    const before = await unitCount();
    const again = await upload<ImportReport>(stack.federation, 'resident-units', file);
    expect(again.data).toMatchObject({ committed: false, alreadyImported: true, importId: first.data!.importId, createdCount: 0 });
    const third = await upload<ImportReport>(stack.federation, 'resident-units', await filledTemplate(templateFile, [...rows, row()]));
    expect(third.data).toMatchObject({ committed: true, createdCount: 1, skippedRows: [3, 4] });
    expect(await unitCount()).toBe(before + 1);
  });

  it("lets the community's managers import, refuses others' communities as not found, and refuses other roles", async () => {
    const own = await filledTemplate(templateFile, [row()]);
    await expectImportAccess(stack.federation, 'resident-units', own, 'import.communityUnknown');
  });

  it("refuses a bad file whole with its coded reason (the kit's checks), writing nothing", async () => {
    const before = await unitCount();
    const membersTemplate = (await template(stack.federation, 'members')).file;
    const wrong = await upload(stack.federation, 'resident-units', await filledTemplate(membersTemplate, [{ 姓名: '某' }]));
    expect([wrong.status, wrong.errors?.[0].extensions.code, wrong.errors?.[0].extensions.reason]).toEqual([
      400,
      'BAD_USER_INPUT',
      'WRONG_HEADERS',
    ]);
    expect(wrong.errors?.[0].message).toContain('单位名称');
    const empty = await upload(stack.federation, 'resident-units', Buffer.alloc(0));
    expect(empty.errors?.[0].extensions.reason).toBe('EMPTY_FILE');
    expect(await unitCount()).toBe(before);
  });
});

describe("a resident unit's name in its community (the database holds it: resident_unit_community_id_name_key)", () => {
  const create = async (communityId: string, name: string, persona: PersonaName = 'secretary') =>
    stack.federation.query<{ createResidentUnit: { id: string; name: string } }>(
      'mutation($c: ID!, $n: String!) { createResidentUnit(input: { communityId: $c, name: $n, category: SOCIAL_ORGANIZATION }) { id name } }',
      { c: communityId, n: name },
      await headersOf(persona),
    );
  const events = async (): Promise<number> =>
    (await db().query(`SELECT count(*)::int AS n FROM outbox WHERE type = 'resident-unit.created'`))[0].n;

  it('refuses createResidentUnit a name its community has (as typed, or with spaces around it): CONFLICT in words, nothing written', async () => {
    const taken = communities[0].residentUnits[0].name;
    const [units, emitted] = [await unitCount(), await events()];
    for (const [name, persona] of [
      [taken, 'secretary'],
      [`  ${taken} `, 'streetAdmin'],
      [taken, 'districtAdmin'],
    ] as const) {
      const refused = await create(communities[0].id, name, persona);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
      expect(refused.errors?.[0].message).toBe(`${communities[0].name}已有名为“${taken}”的驻区单位`);
    }
    const english = await stack.federation.query(
      'mutation($c: ID!, $n: String!) { createResidentUnit(input: { communityId: $c, name: $n, category: SOCIAL_ORGANIZATION }) { id } }',
      { c: communities[0].id, n: taken },
      { ...(await headersOf('secretary')), 'accept-language': 'en' },
    );
    expect(english.errors?.[0].message).toBe(`${communities[0].name} already has a resident unit named “${taken}”`);
    expect([await unitCount(), await events()]).toEqual([units, emitted]);
  });

  it('takes the same name in another community, and names that differ in letter case or inner spaces (names compare as stored)', async () => {
    const taken = communities[0].residentUnits[0].name;
    const elsewhere = await create(communities[1].id, taken, 'otherSecretary');
    expect(elsewhere.errors).toBeUndefined();
    for (const name of ['ABC物业服务中心', 'abc物业服务中心', 'ABC 物业服务中心'])
      expect((await create(communities[0].id, name)).data?.createResidentUnit.name).toBe(name);
    expect((await create(communities[0].id, 'ABC物业服务中心')).errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('holds in the database for any writer, and an import refuses a name a unit took one by one', async () => {
    const taken = communities[0].residentUnits[0].name;
    await expect(
      db().query(`INSERT INTO resident_unit (id, community_id, name, category) VALUES (gen_random_uuid(), $1, $2, 'SOCIAL_ORGANIZATION')`, [
        communities[0].id,
        taken,
      ]),
    ).rejects.toMatchObject({ driverError: { constraint: 'resident_unit_community_id_name_key' } });
    const single = await create(communities[0].id, '逐个录入单位');
    expect(single.errors).toBeUndefined();
    const answer = await upload<ImportReport>(
      stack.federation,
      'resident-units',
      await filledTemplate(templateFile, [row({ 单位名称: '逐个录入单位' })]),
    );
    expect(answer.data!.errors.map((e) => e.messageKey)).toEqual(['import.unitRecorded']);
  });
});
