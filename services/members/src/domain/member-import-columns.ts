import type { ColumnSpec } from '@cpb/kit/spreadsheets';
import type { MemberCategory } from '../entities';

/** The template's values as users write them, and what each means in the record. */
export const genders = { 男: 'MALE', 女: 'FEMALE' } as const;
export const categories: Record<string, MemberCategory> = {
  在职党员: 'EMPLOYED',
  退休党员: 'RETIRED',
  下岗失业党员: 'UNEMPLOYED',
  流动党员: 'MIGRANT',
};

export type MemberColumn =
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'birthDate'
  | 'ethnicity'
  | 'education'
  | 'phone'
  | 'organization'
  | 'category'
  | 'joinedOn'
  | 'convertedOn'
  | 'skills'
  | 'responsibilityArea'
  | 'homeAddress';

/**
 * The member roster template (党员信息导入模板): headers as district staff write them in their own
 * rosters. 所在党组织 takes the organisation's full name or its code (the id the system shows).
 */
export const memberColumns: readonly ColumnSpec<MemberColumn>[] = [
  { key: 'name', header: '姓名', required: true, explanation: '与身份证一致，最多 50 字' },
  { key: 'gender', header: '性别', required: true, explanation: '男 或 女', list: Object.keys(genders) },
  {
    key: 'idNumber',
    header: '公民身份号码',
    required: true,
    explanation: '18 位居民身份证号码，末位可为 X；请保持文本格式',
    text: true,
    width: 22,
  },
  { key: 'birthDate', header: '出生日期', required: false, explanation: '如 1980-05-01；不填则取身份证号码中的出生日期', date: true },
  { key: 'ethnicity', header: '民族', required: true, explanation: '如 汉族' },
  { key: 'education', header: '学历', required: false, explanation: '如 大学本科' },
  { key: 'phone', header: '手机号码', required: false, explanation: '11 位手机号码', text: true, width: 16 },
  { key: 'organization', header: '所在党组织', required: true, explanation: '党组织全称或组织编码，须在您管理的范围内且未撤销', width: 30 },
  { key: 'category', header: '党员类别', required: true, explanation: Object.keys(categories).join('、'), list: Object.keys(categories) },
  { key: 'joinedOn', header: '入党日期', required: true, explanation: '如 2005-07-01；须在年满 18 周岁之后', date: true },
  { key: 'convertedOn', header: '转正日期', required: false, explanation: '正式党员填写；预备期未满一年的不填', date: true },
  { key: 'skills', header: '技术特长', required: false, explanation: '多项用顿号或逗号分隔，如 法律咨询、家电维修' },
  { key: 'responsibilityArea', header: '公示责任区', required: false, explanation: '如 3 号楼 2 单元' },
  { key: 'homeAddress', header: '家庭住址', required: false, explanation: '最多 200 字', width: 30 },
];

export const headerOf = Object.fromEntries(memberColumns.map((c) => [c.key, c.header])) as Record<MemberColumn, string>;
