import type { Locale } from './locale';

/** One text per language. */
export type Texts = Readonly<Record<Locale, string>>;

/**
 * Words a message names by their API value (a role, a kind, a status), in each language: messages
 * carry the value in `extensions.messageParams` (clients map it themselves) and read it here. The
 * Chinese is what street staff and secretaries say (shared/domain.md); the English follows the schema.
 */
const terms = {
  role: {
    DISTRICT_ADMIN: { 'zh-CN': '区级管理员', en: 'district admin' },
    STREET_ADMIN: { 'zh-CN': '街道党工委管理员', en: 'street admin' },
    COMMUNITY_SECRETARY: { 'zh-CN': '社区党组织书记', en: 'community secretary' },
    UNIT_LIAISON: { 'zh-CN': '驻区单位联络员', en: 'unit liaison' },
    MEMBER: { 'zh-CN': '党员', en: 'member' },
    ANALYST: { 'zh-CN': '数据分析人员', en: 'analyst' },
    ANONYMOUS: { 'zh-CN': '未登录用户', en: 'anonymous caller' },
    SERVICE: { 'zh-CN': '内部服务', en: 'service' },
  },
  /** The services, as a refusal names the one that did not answer. English keeps the service's name. */
  service: {
    organizations: { 'zh-CN': '组织', en: 'organizations' },
    members: { 'zh-CN': '党员', en: 'members' },
    resources: { 'zh-CN': '共建资源', en: 'resources' },
    activities: { 'zh-CN': '志愿活动', en: 'activities' },
  },
  /** What a NOT_FOUND names. English keeps the schema's type name. */
  entity: {
    Organization: { 'zh-CN': '党组织', en: 'Organization' },
    Street: { 'zh-CN': '街道', en: 'Street' },
    Community: { 'zh-CN': '社区', en: 'Community' },
    Grid: { 'zh-CN': '网格', en: 'Grid' },
    ResidentUnit: { 'zh-CN': '驻区单位', en: 'ResidentUnit' },
    Position: { 'zh-CN': '班子职务', en: 'Position' },
    InstructorAssignment: { 'zh-CN': '党建指导员选派', en: 'InstructorAssignment' },
    Member: { 'zh-CN': '党员', en: 'Member' },
    Applicant: { 'zh-CN': '入党申请人', en: 'Applicant' },
    Transfer: { 'zh-CN': '组织关系转接', en: 'Transfer' },
    CommunityRegistration: { 'zh-CN': '到社区报到记录', en: 'CommunityRegistration' },
    DuesPayment: { 'zh-CN': '党费交纳记录', en: 'DuesPayment' },
    Resource: { 'zh-CN': '共建资源', en: 'Resource' },
    Booking: { 'zh-CN': '场地预订', en: 'Booking' },
    Agreement: { 'zh-CN': '共建协议', en: 'Agreement' },
    Commitment: { 'zh-CN': '共建承诺', en: 'Commitment' },
    Need: { 'zh-CN': '群众需求', en: 'Need' },
    Project: { 'zh-CN': '共建项目', en: 'Project' },
    JointMeeting: { 'zh-CN': '党建联席会议', en: 'JointMeeting' },
    Activity: { 'zh-CN': '活动', en: 'Activity' },
    VolunteerTeam: { 'zh-CN': '党员志愿者服务队', en: 'VolunteerTeam' },
    Participation: { 'zh-CN': '活动报名', en: 'Participation' },
    Meeting: { 'zh-CN': '组织生活会议', en: 'Meeting' },
  },
  meetingType: {
    MEMBERS_MEETING: { 'zh-CN': '支部党员大会', en: "members' meeting (支部党员大会)" },
    COMMITTEE_MEETING: { 'zh-CN': '委员会会议', en: 'committee meeting (支部委员会)' },
    PARTY_GROUP_MEETING: { 'zh-CN': '党小组会', en: 'Party group meeting (党小组会)' },
    PARTY_LESSON: { 'zh-CN': '党课', en: 'Party lesson (党课)' },
    THEMED_PARTY_DAY: { 'zh-CN': '主题党日', en: 'themed Party day (主题党日)' },
    ORGANIZATIONAL_LIFE_MEETING: { 'zh-CN': '组织生活会', en: 'organisational life meeting (组织生活会)' },
    DEMOCRATIC_APPRAISAL: { 'zh-CN': '民主评议党员', en: 'democratic appraisal of members (民主评议党员)' },
  },
  organizationKind: {
    WORKING_COMMITTEE: { 'zh-CN': '街道党工委', en: 'working committee (党工委)' },
    COMMITTEE: { 'zh-CN': '党委', en: 'committee (党委)' },
    GENERAL_BRANCH: { 'zh-CN': '党总支', en: 'general branch (党总支)' },
    BRANCH: { 'zh-CN': '党支部', en: 'branch (党支部)' },
    PARTY_GROUP: { 'zh-CN': '党小组', en: 'Party group (党小组)' },
  },
  organizationScope: {
    STREET: { 'zh-CN': '街道', en: 'street' },
    COMMUNITY: { 'zh-CN': '社区', en: 'community' },
    RESIDENT_UNIT: { 'zh-CN': '驻区单位', en: 'resident unit' },
    NON_PUBLIC_ENTERPRISE: { 'zh-CN': '非公企业', en: 'non-public enterprise' },
    SOCIAL_ORGANIZATION: { 'zh-CN': '社会组织', en: 'social organisation' },
    JOINT: { 'zh-CN': '联合', en: 'joint' },
    MIGRANT: { 'zh-CN': '流动党员', en: 'migrant' },
    LAID_OFF: { 'zh-CN': '下岗职工', en: 'laid-off' },
  },
  applicantStage: {
    APPLICANT: { 'zh-CN': '入党申请人', en: 'applicant (入党申请人)' },
    ACTIVIST: { 'zh-CN': '入党积极分子', en: 'activist (入党积极分子)' },
    CANDIDATE: { 'zh-CN': '发展对象', en: 'candidate (发展对象)' },
  },
  transferStatus: {
    REQUESTED: { 'zh-CN': '已申请', en: 'requested' },
    APPROVED: { 'zh-CN': '已批准', en: 'approved' },
    REJECTED: { 'zh-CN': '已驳回', en: 'rejected' },
    COMPLETED: { 'zh-CN': '已办结', en: 'completed' },
    EXPIRED: { 'zh-CN': '已逾期失效', en: 'expired' },
  },
  /** What a date of the record may not come before (a member's dates follow one another). */
  milestone: {
    JOINING: { 'zh-CN': '入党日期', en: 'joining' },
    APPLICATION: { 'zh-CN': '递交入党申请日期', en: 'the application' },
    BECOMING_ACTIVIST: { 'zh-CN': '确定为入党积极分子日期', en: 'becoming an activist' },
    BECOMING_CANDIDATE: { 'zh-CN': '确定为发展对象日期', en: 'becoming a candidate' },
    REGISTRATION: { 'zh-CN': '到社区报到日期', en: 'the registration' },
  },
  agreementStatus: {
    ACTIVE: { 'zh-CN': '有效', en: 'active' },
    EXPIRED: { 'zh-CN': '已过期', en: 'expired' },
    TERMINATED: { 'zh-CN': '已终止', en: 'terminated' },
    RENEWED: { 'zh-CN': '已续签', en: 'renewed' },
  },
  projectStatus: {
    PLANNED: { 'zh-CN': '计划中', en: 'planned' },
    ACTIVE: { 'zh-CN': '进行中', en: 'active' },
    COMPLETED: { 'zh-CN': '已完成', en: 'completed' },
  },
  resourceKind: {
    VENUE: { 'zh-CN': '场地', en: 'venue' },
    FACILITY: { 'zh-CN': '设施', en: 'facility' },
    EXPERT: { 'zh-CN': '专家讲师', en: 'expert' },
    FUNDING: { 'zh-CN': '资金', en: 'funding' },
    JOBS: { 'zh-CN': '岗位', en: 'jobs' },
    SERVICE: { 'zh-CN': '服务', en: 'service' },
  },
  /** English keeps the API's value, as callers send it (MONDAY 08:00-22:00). */
  weekday: {
    MONDAY: { 'zh-CN': '周一', en: 'MONDAY' },
    TUESDAY: { 'zh-CN': '周二', en: 'TUESDAY' },
    WEDNESDAY: { 'zh-CN': '周三', en: 'WEDNESDAY' },
    THURSDAY: { 'zh-CN': '周四', en: 'THURSDAY' },
    FRIDAY: { 'zh-CN': '周五', en: 'FRIDAY' },
    SATURDAY: { 'zh-CN': '周六', en: 'SATURDAY' },
    SUNDAY: { 'zh-CN': '周日', en: 'SUNDAY' },
  },
  activityStatus: {
    DRAFT: { 'zh-CN': '草稿', en: 'draft' },
    PUBLISHED: { 'zh-CN': '已发布', en: 'published' },
    ONGOING: { 'zh-CN': '进行中', en: 'ongoing' },
    COMPLETED: { 'zh-CN': '已结项', en: 'completed' },
    CANCELLED: { 'zh-CN': '已取消', en: 'cancelled' },
  },
  /** What a member or organiser tried to do to an activity that is not open for it. */
  activityAction: {
    SIGN_UP: { 'zh-CN': '报名', en: 'sign up' },
    WITHDRAW_SIGN_UP: { 'zh-CN': '取消报名', en: 'withdraw a sign-up' },
    CHECK_IN: { 'zh-CN': '签到', en: 'check in' },
    CHECK_OUT: { 'zh-CN': '签退', en: 'check out' },
    COMPLETE: { 'zh-CN': '结项', en: 'complete' },
  },
} as const satisfies Record<string, Record<string, Texts>>;

export type TermName = keyof typeof terms;
/** The API values a term table knows, e.g. `TermValue<'role'>` is the roles. */
export type TermValue<T extends TermName> = keyof (typeof terms)[T] & string;

/** A value's word in `locale`; a value the table does not know reads as itself (a new enum value is never lost). */
function word(term: TermName, value: string, locale: Locale): string {
  const table = terms[term] as Record<string, Texts | undefined>;
  return table[value]?.[locale] ?? value;
}

const hours = (seconds: number) => seconds % 3600 === 0;

/** A weekly opening window as the resources service stores it. */
export interface OpeningWindowParam {
  weekday: TermValue<'weekday'>;
  opensAt: string;
  closesAt: string;
}

/** Formats that are more than a word: a duration, a week's opening hours. */
const shapes = {
  /** Seconds as hours or minutes: 12 h, 30 min / 12 小时, 30 分钟. */
  duration: (seconds: number, locale: Locale): string => {
    const amount = hours(seconds) ? seconds / 3600 : Math.round(seconds / 60);
    if (locale === 'zh-CN') return `${amount} ${hours(seconds) ? '小时' : '分钟'}`;
    return `${amount} ${hours(seconds) ? 'h' : 'min'}`;
  },
  openingHours: (windows: readonly OpeningWindowParam[], locale: Locale): string => {
    if (!windows.length) return locale === 'zh-CN' ? '无（未设开放时间）' : 'never (no opening hours set)';
    return windows.map((w) => `${word('weekday', w.weekday, locale)} ${w.opensAt}-${w.closesAt}`).join(locale === 'zh-CN' ? '，' : ', ');
  },
};

export type FormatName = TermName | keyof typeof shapes;
/** The value a placeholder `{name:format}` takes. */
export type FormatValue<F extends string> = F extends TermName
  ? TermValue<F>
  : F extends keyof typeof shapes
    ? Parameters<(typeof shapes)[F]>[0]
    : never;

/** Renders one parameter through its format; a format nobody declared is a bug in the catalogue (its test walks every one). */
export function formatParam(format: string, value: unknown, locale: Locale): string {
  if (format in terms) return word(format as TermName, String(value), locale);
  if (format in shapes) return (shapes[format as keyof typeof shapes] as (value: unknown, locale: Locale) => string)(value, locale);
  throw new Error(`Unknown message format ${format}`);
}

/** Every format's name: the catalogue test checks each placeholder names one of these. */
export const formatNames: readonly string[] = [...Object.keys(terms), ...Object.keys(shapes)];

/** The term tables, for the catalogue test (every value in both languages) and for clients' docs. */
export const termTables: Readonly<Record<TermName, Readonly<Record<string, Texts>>>> = terms;
