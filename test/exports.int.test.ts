import { PassThrough } from 'node:stream';
import { writeExport } from '@cpb/kit/spreadsheets';
import { reportFor } from '../scripts/lib/exports';
import { clientAt } from '../scripts/lib/gateway-client';
import { originOf, sheetRows } from './import-files';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { headersOf, personas, type PersonaName } from '@cpb/demo-world/testing';

/**
 * Issue 18: reports exported as .xlsx through the gateway as the caller (npm run export), scoped and
 * masked exactly as the graph masks: persons only for managers, in their subtree; analysts get counts.
 * The gateway runs in its production configuration (TRUSTED_DOCUMENTS=enforce): the exports send only
 * registered operations, by hash.
 */
let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ gatewayEnv: { TRUSTED_DOCUMENTS: 'enforce' } });
});
afterAll(() => federation?.stop());

async function exported(report: string, persona: PersonaName, options: Record<string, string> = {}): Promise<string[][]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const client = clientAt(originOf(federation), await headersOf(persona));
  const definition = reportFor(report, client)!;
  await writeExport(out, definition.sheet, definition.columns, definition.rows(client, options));
  return sheetRows(Buffer.concat(chunks));
}

describe('exports', () => {
  /** Members in a persona's subtree, asked by a district administrator (allowed ad-hoc queries here). */
  const members = async (persona: PersonaName) => {
    const orgId = (personas[persona] as { orgId?: string } | null)?.orgId;
    const filter = persona === 'districtAdmin' || !orgId ? {} : { organizationId: orgId, includeDescendants: true };
    const answer = await federation.query<{ members: { totalCount: number } }>(
      `query ($filter: MemberFilter) { members(filter: $filter, first: 1) { totalCount } }`,
      { filter },
    );
    return answer.data!.members.totalCount;
  };

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
    expect(rows.length - 1).toBe(await members('secretary'));
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(1).every((r) => /^\d{17}[\dX]$/.test(r[5]))).toBe(true);
    expect(rows.length - 1).toBeLessThan(await members('districtAdmin'));
  });

  it.each(['districtAdmin', 'streetAdmin', 'otherStreetAdmin', 'otherSecretary'] as const)(
    "gives %s the roster of the graph's scope, names and personal fields as the graph shows them",
    async (persona) => {
      const rows = await exported('roster', persona);
      expect(rows.length - 1).toBe(await members(persona));
      expect(rows.slice(1).every((r) => r[0].length > 0 && /^\d{17}[\dX]$/.test(r[5]) && /^1\d{10}$/.test(r[6]))).toBe(true);
    },
  );

  it.each([
    ['member', 'FORBIDDEN'],
    ['unitLiaison', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('refuses the roster and the hours to %s, as the graph does (%s)', async (persona, code) => {
    await expect(exported('roster', persona)).rejects.toThrow(code);
    await expect(exported('hours', persona, { year: '2025' })).rejects.toThrow(code);
  });

  it("gives an analyst the roster as counts per organisation, no person in it, equal to the graph's", async () => {
    const rows = await exported('roster', 'analyst');
    expect(rows[0]).toEqual([
      '党组织',
      '组织类别',
      '上级党组织',
      '直属党员数',
      '党员数（含下级）',
      '正式党员数（含下级）',
      '预备党员数（含下级）',
    ]);
    const all = await members('districtAdmin');
    // Every member is held by exactly one organisation: the direct counts add up to the district.
    expect(rows.slice(1).reduce((sum, r) => sum + Number(r[3]), 0)).toBe(all);
    const { data } = await federation.query<{ streets: { workingCommittee: { name: string; memberCount: number } }[] }>(
      `{ streets { workingCommittee { name memberCount } } }`,
    );
    for (const { workingCommittee } of data!.streets)
      expect(rows.find((r) => r[0] === workingCommittee.name)?.[4]).toBe(String(workingCommittee.memberCount));
    const names = await federation.query<{ members: { edges: { node: { name: string } }[] } }>(
      `{ members(first: 100) { edges { node { name } } } }`,
    );
    const cells = new Set(rows.flat());
    expect(names.data!.members.edges.filter((e) => cells.has(e.node.name))).toEqual([]);
    await expect(exported('hours', 'analyst', { year: '2025' })).rejects.toThrow(/FORBIDDEN/);
  });

  it('sends registered operations only: the same query as free text is refused to a secretary in this configuration', async () => {
    const free = await federation.query(`{ members(first: 1) { edges { node { name } } } }`, {}, await headersOf('secretary'));
    expect(free.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(free.errors?.[0]?.message).toMatch(/已登记的操作/);
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
