import type { Role } from './session';

export const roleLabels: Record<Role | 'ANONYMOUS', string> = {
  DISTRICT_ADMIN: '区级管理员',
  STREET_ADMIN: '街道党工委管理员',
  COMMUNITY_SECRETARY: '社区党组织书记',
  UNIT_LIAISON: '驻区单位联络员',
  MEMBER: '党员',
  ANALYST: '数据分析员',
  ANONYMOUS: '未登录',
};

export const organizationKinds: Record<string, string> = {
  WORKING_COMMITTEE: '党工委',
  COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
  PARTY_GROUP: '党小组',
};

export const positionRoles: Record<string, string> = {
  SECRETARY: '书记',
  DEPUTY_SECRETARY: '副书记',
  FULL_TIME_DEPUTY_SECRETARY: '专职副书记',
  COMMITTEE_MEMBER: '委员',
  PART_TIME_COMMITTEE_MEMBER: '兼职委员',
};

export const memberStatuses: Record<string, string> = { PROBATIONARY: '预备党员', FULL: '正式党员' };

export const memberCategories: Record<string, string> = {
  EMPLOYED: '在职党员',
  RETIRED: '退休党员',
  UNEMPLOYED: '下岗失业党员',
  MIGRANT: '流动党员',
  STUDENT: '学生党员',
  OTHER: '其他',
};

export const skills: Record<string, string> = {
  LEGAL: '法律咨询',
  REPAIR: '家电维修',
  MEDICAL: '医疗保健',
  PATROL: '治安巡逻',
  TUTORING: '课业辅导',
  IT: '信息技术',
  CULTURE_SPORTS: '文体',
  CARE: '照护',
  OTHER: '其他',
};

export const genders: Record<string, string> = { MALE: '男', FEMALE: '女' };

export const unitCategories: Record<string, string> = {
  GOVERNMENT_AGENCY: '机关',
  PUBLIC_INSTITUTION: '事业单位',
  STATE_ENTERPRISE: '国有企业',
  NON_PUBLIC_ENTERPRISE: '非公企业',
  SOCIAL_ORGANIZATION: '社会组织',
};

export const resourceKinds: Record<string, string> = {
  VENUE: '场地',
  FACILITY: '设施',
  EXPERT: '专家讲师',
  FUNDING: '资金',
  JOBS: '岗位',
  SERVICE: '服务',
};

export const needCategories: Record<string, string> = {
  ELDERLY_CARE: '养老服务',
  CHILDREN_YOUTH: '青少年',
  EMPLOYMENT: '就业',
  HEALTH: '健康',
  LEGAL_AID: '法律援助',
  ENVIRONMENT: '环境',
  CULTURE_EDUCATION: '文化教育',
  SAFETY: '平安建设',
  HARDSHIP_ASSISTANCE: '困难帮扶',
  OTHER: '其他',
};

export const needStatuses: Record<string, string> = { OPEN: '待对接', MATCHED: '已对接', RESOLVED: '已解决' };
export const projectStatuses: Record<string, string> = { PLANNED: '计划中', ACTIVE: '实施中', COMPLETED: '已完成' };

export const activityKinds: Record<string, string> = {
  VOLUNTEER_SERVICE: '志愿服务',
  DEDICATION_DAY: '党员奉献日',
  PAIRED_ASSISTANCE: '结对帮扶',
  PARTY_EDUCATION: '党课',
  CULTURE_SPORTS: '文体活动',
  PATROL: '治安巡逻',
  MEETING: '会议',
};

export const activityStatuses: Record<string, string> = {
  DRAFT: '草稿',
  PUBLISHED: '报名中',
  ONGOING: '进行中',
  COMPLETED: '已结束',
  CANCELLED: '已取消',
};

export const participationStatuses: Record<string, string> = {
  SIGNED_UP: '已报名',
  CANCELLED: '已取消',
  ATTENDED: '已签到',
  NO_SHOW: '未到',
};

export function label(table: Record<string, string>, value: string | null | undefined): string {
  return value ? (table[value] ?? value) : '—';
}
