import type { ExportColumn } from '@cpb/kit/spreadsheets';
import { callerRole, runTrusted } from './export-operations';
import type { GatewayClient } from './gateway-client';
import { rosterCounts } from './roster-counts';

/**
 * The reports `npm run export` writes (issue 18). Each is read from the graph through the gateway as
 * the caller with registered operations (schemas/operations/exports/), so an export is scoped and
 * masked exactly as the graph masks for that caller (phones and ID numbers are null outside a
 * manager's subtree; an analyst, who is never given persons, gets the roster as counts per
 * organisation), then written as .xlsx with Chinese headers (cells that would read as formulas escaped
 * by the kit's writer).
 */
export interface ExportReport<R> {
  sheet: string;
  columns: ExportColumn<R>[];
  rows(client: GatewayClient, options: Record<string, string | true>): AsyncIterable<R[]>;
}

const PAGE = 100;

interface MemberRow {
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  education: string | null;
  phone: string | null;
  idNumber: string | null;
  category: string;
  status: string;
  joinedOn: string;
  convertedOn: string | null;
  organization: { name: string };
  volunteerHours?: number | null;
}

const genders: Record<string, string> = { MALE: '男', FEMALE: '女' };
const categories: Record<string, string> = {
  EMPLOYED: '在职党员',
  RETIRED: '退休党员',
  UNEMPLOYED: '下岗失业党员',
  MIGRANT: '流动党员',
  STUDENT: '学生党员',
  FARMER: '农民党员',
};
const statuses: Record<string, string> = { FULL: '正式党员', PROBATIONARY: '预备党员' };

function required(options: Record<string, string | true>, name: string): string {
  const value = options[name];
  if (typeof value !== 'string') throw new Error(`--${name} <value> is required`);
  return value;
}

interface Page<R> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: R }[];
}

/**
 * Every member in a filter's scope, a page at a time along the graph's own cursor, at the largest page
 * the graph serves. The next page is asked for before this one is handed on, so the gateway works
 * while the writer writes.
 */
async function* memberPages(
  client: GatewayClient,
  operationName: 'ExportRoster' | 'ExportHours',
  filter: Record<string, unknown>,
  variables: Record<string, unknown> = {},
): AsyncIterable<MemberRow[]> {
  const page = (after: string | null) =>
    runTrusted<{ members: Page<MemberRow> }>(client, operationName, { filter, first: PAGE, after, ...variables }).then((d) => d.members);
  let next: Promise<Page<MemberRow>> | null = page(null);
  while (next) {
    const current: Page<MemberRow> = await next;
    next = current.pageInfo.hasNextPage ? page(current.pageInfo.endCursor) : null;
    yield current.edges.map((e) => e.node);
  }
}

const memberFilter = (options: Record<string, string | true>) =>
  typeof options.organization === 'string' ? { organizationId: options.organization, includeDescendants: true } : {};

const roster: ExportReport<MemberRow> = {
  sheet: '党员名册',
  columns: [
    { header: '姓名', value: (m) => m.name },
    { header: '性别', value: (m) => genders[m.gender] ?? m.gender },
    { header: '出生日期', value: (m) => m.birthDate },
    { header: '民族', value: (m) => m.ethnicity },
    { header: '学历', value: (m) => m.education },
    { header: '公民身份号码', width: 22, value: (m) => m.idNumber },
    { header: '手机号码', width: 16, value: (m) => m.phone },
    { header: '所在党组织', width: 30, value: (m) => m.organization.name },
    { header: '党员类别', value: (m) => categories[m.category] ?? m.category },
    { header: '党员状态', value: (m) => statuses[m.status] ?? m.status },
    { header: '入党日期', value: (m) => m.joinedOn },
    { header: '转正日期', value: (m) => m.convertedOn },
  ],
  rows: (client, options) => memberPages(client, 'ExportRoster', memberFilter(options)),
};

const hours: ExportReport<MemberRow> = {
  sheet: '志愿服务时长',
  columns: [
    { header: '姓名', value: (m) => m.name },
    { header: '所在党组织', width: 30, value: (m) => m.organization.name },
    { header: '志愿服务时长（小时）', width: 20, value: (m) => m.volunteerHours ?? null },
  ],
  rows(client, options) {
    const year = required(options, 'year');
    if (!/^\d{4}$/.test(year)) throw new Error('--year YYYY');
    return memberPages(client, 'ExportHours', memberFilter(options), { from: `${year}-01-01`, to: `${year}-12-31` });
  },
};

interface CensusRow {
  name: string;
  census: {
    enterprises: number;
    residentUnits: number;
    partyOrganizations: number;
    coveredUnits: number;
    members: number | null;
    activists: number | null;
  };
}

const census: ExportReport<CensusRow> = {
  sheet: '五个清',
  columns: [
    { header: '社区', width: 20, value: (c) => c.name },
    { header: '驻区单位数', value: (c) => c.census.residentUnits },
    { header: '企业数', value: (c) => c.census.enterprises },
    { header: '党组织数', value: (c) => c.census.partyOrganizations },
    { header: '党组织覆盖单位数', width: 18, value: (c) => c.census.coveredUnits },
    { header: '党员数', value: (c) => c.census.members },
    { header: '入党积极分子数', width: 16, value: (c) => c.census.activists },
  ],
  async *rows(client, options) {
    const street = required(options, 'street');
    let after: string | null = null;
    do {
      const data: { communities: Page<CensusRow> } = await runTrusted(client, 'ExportCensus', { street, after });
      yield data.communities.edges.map((e) => e.node);
      after = data.communities.pageInfo.hasNextPage ? data.communities.pageInfo.endCursor : null;
    } while (after);
  },
};

export const exportReports: Record<string, ExportReport<never>> = { roster, census, hours } as unknown as Record<
  string,
  ExportReport<never>
>;

/** The report a caller gets by that name: an analyst's roster is the counts (ADR 0025), never persons. */
export function reportFor(name: string, client: GatewayClient): ExportReport<never> | undefined {
  if (name === 'roster' && callerRole(client) === 'ANALYST') return rosterCounts as unknown as ExportReport<never>;
  return exportReports[name];
}
