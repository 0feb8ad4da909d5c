import { PassThrough } from 'node:stream';
import { writeExport } from '@cpb/kit/spreadsheets';
import { exportReports } from '../scripts/lib/exports';
import { clientAt } from '../scripts/lib/gateway-client';
import { originOf, sheetRows } from './import-files';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { headersOf, type PersonaName } from '@cpb/demo-world/testing';

/**
 * Issue 18: reports exported as .xlsx through the gateway as the caller (npm run export), scoped and
 * masked exactly as the graph masks: persons only for managers, in their subtree; analysts get counts.
 */
let federation: Federation;

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

async function exported(report: string, persona: PersonaName, options: Record<string, string> = {}): Promise<string[][]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const definition = exportReports[report];
  await writeExport(
    out,
    definition.sheet,
    definition.columns,
    definition.rows(clientAt(originOf(federation), await headersOf(persona)), options),
  );
  return sheetRows(Buffer.concat(chunks));
}

describe('exports', () => {
  it('gives a secretary the roster of their subtree only, with phones and ID numbers', async () => {
    const rows = await exported('roster', 'secretary');
    expect(rows[0]).toEqual([
      '姓名',
      '性别',
      '出生日期',
      '民族',
      '学历',
      '公民身份号码',
      '手机号码',
      '所在党组织',
      '党员类别',
      '党员状态',
      '入党日期',
      '转正日期',
    ]);
    const total = await federation.query<{ members: { totalCount: number } }>(
      `{ members(first: 1) { totalCount } }`,
      {},
      await headersOf('secretary'),
    );
    expect(rows.length - 1).toBe(total.data!.members.totalCount);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(1).every((r) => /^\d{17}[\dX]$/.test(r[5]))).toBe(true);
    const all = await federation.query<{ members: { totalCount: number } }>(`{ members(first: 1) { totalCount } }`);
    expect(rows.length - 1).toBeLessThan(all.data!.members.totalCount);
  });

  it('refuses persons to an analyst and a member, as the graph does', async () => {
    await expect(exported('roster', 'analyst')).rejects.toThrow(/FORBIDDEN/);
    await expect(exported('hours', 'member', { year: '2025' })).rejects.toThrow(/FORBIDDEN/);
  });

  it("gives the street's census (五个清) to an analyst, with Chinese headers", async () => {
    const streets = await federation.query<{ streets: { id: string; communities: { name: string; census: { members: number } }[] }[] }>(
      `{ streets { id communities { name census { members } } } }`,
    );
    const street = streets.data!.streets[0];
    const rows = await exported('census', 'analyst', { street: street.id });
    expect(rows[0]).toEqual(['社区', '驻区单位数', '企业数', '党组织数', '党组织覆盖单位数', '党员数', '入党积极分子数']);
    expect(
      rows
        .slice(1)
        .map((r) => [r[0], Number(r[5])])
        .sort(),
    ).toEqual(street.communities.map((c) => [c.name, c.census.members]).sort());
  });

  it("gives a year's volunteer hours per member to a street administrator", async () => {
    const rows = await exported('hours', 'streetAdmin', { year: String(new Date().getFullYear()) });
    expect(rows[0]).toEqual(['姓名', '所在党组织', '志愿服务时长（小时）']);
    expect(rows.length).toBeGreaterThan(1);
  });
});
