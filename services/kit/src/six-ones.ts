/**
 * The "six ones" (六个一) each side of a co-building agreement commits to, as one city's co-building
 * rules state them: the resources service opens a new agreement with them, and the demo district
 * seeds its agreements with them. Said once here, as both need it and neither may import the other.
 */
export const SIX_ONES = {
  COMMUNITY: [
    '确定一个社区党建主题',
    '制定一个联手共建规划',
    '健全一套联手共建制度',
    '召开一次年度共建联席会',
    '组织一系列社区党建活动',
    '提供一个良好的工作生活环境',
  ],
  UNIT: [
    '制定一个共建方案',
    '明确一名共建联络员',
    '建立一支志愿者服务队',
    '主动为社区办一件实事',
    '参与一系列社区党建活动',
    '建成一个社区共建基地',
  ],
} as const satisfies Record<'COMMUNITY' | 'UNIT', readonly string[]>;
