import type { ColumnSpec } from '@cpb/kit/spreadsheets';

export type TeamMembershipColumn = 'team' | 'name' | 'idNumber' | 'joinedOn';

/**
 * The volunteer team memberships template (志愿服务队队员导入模板): what joinVolunteerTeam takes (the
 * team, the member, the day), with the member named by 公民身份号码 as rosters name people; 姓名 is
 * checked against the record so a mistyped number is caught rather than joining someone else.
 */
export const teamMembershipColumns: readonly ColumnSpec<TeamMembershipColumn>[] = [
  { key: 'team', header: '服务队名称', required: true, explanation: '志愿服务队全称或服务队编码，须在您管理的范围内', width: 30 },
  { key: 'name', header: '姓名', required: false, explanation: '填写时须与该身份证号码登记的党员姓名一致' },
  {
    key: 'idNumber',
    header: '公民身份号码',
    required: true,
    explanation: '18 位居民身份证号码，须为已登记的党员；请保持文本格式',
    text: true,
    width: 22,
  },
  { key: 'joinedOn', header: '加入日期', required: false, explanation: '如 2024-03-01；不填则为今天；不早于服务队成立日期', date: true },
];

export const membershipHeaderOf = Object.fromEntries(teamMembershipColumns.map((c) => [c.key, c.header])) as Record<
  TeamMembershipColumn,
  string
>;
