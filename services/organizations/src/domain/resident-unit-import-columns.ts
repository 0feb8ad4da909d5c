import type { ColumnSpec } from '@cpb/kit/spreadsheets';
import type { ResidentUnitCategory } from '../entities';

/** 单位类别 as users write it (the dashboard's labels), and what each means in the record. */
export const unitCategories: Record<string, ResidentUnitCategory> = {
  机关: 'GOVERNMENT_AGENCY',
  事业单位: 'PUBLIC_INSTITUTION',
  国有企业: 'STATE_ENTERPRISE',
  非公企业: 'NON_PUBLIC_ENTERPRISE',
  社会组织: 'SOCIAL_ORGANIZATION',
};

export type ResidentUnitColumn = 'name' | 'category' | 'community';

/**
 * The resident units template (驻区单位导入模板): the fields createResidentUnit records (the unit
 * records no credit code or contact person). 所在社区 takes the community's name, or its code (id)
 * where two streets have a community of the same name.
 */
export const residentUnitColumns: readonly ColumnSpec<ResidentUnitColumn>[] = [
  { key: 'name', header: '单位名称', required: true, explanation: '单位全称，最多 100 字；同一社区内不重复', width: 36 },
  {
    key: 'category',
    header: '单位类别',
    required: true,
    explanation: Object.keys(unitCategories).join('、'),
    list: Object.keys(unitCategories),
  },
  { key: 'community', header: '所在社区', required: true, explanation: '社区名称或社区编码，须在您管理的范围内', width: 30 },
];

export const unitHeaderOf = Object.fromEntries(residentUnitColumns.map((c) => [c.key, c.header])) as Record<ResidentUnitColumn, string>;
