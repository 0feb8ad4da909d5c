import { defineMessages } from '../define';

/** The organizations service's follow-up of organisational life: the district's rhythms, attendance, the six-month flag. */
export const lifeFollowUpMessages = defineMessages({
  'rhythm.unknownType': { 'zh-CN': '没有 {type} 这种组织生活类型', en: 'There is no meeting type {type}' },
  'rhythm.months': {
    'zh-CN': '间隔月数须为 {allowed} 之一（能整除一年）',
    en: 'The months between meetings must be one of {allowed} (they divide the year)',
  },
  'attendance.outsideScope': {
    'zh-CN': '只有党员本人和管理其所在党组织的书记、管理员可以查看其组织生活出勤',
    en: "Only the member and the managers of the member's organisation read their attendance",
  },
  'attendance.countsOnly': {
    'zh-CN': '分析人员只能查看出勤统计，不能查看逐次记录',
    en: 'Analysts read attendance counts, not the meeting-by-meeting record',
  },
  'lapse.secretariesOnly': {
    'zh-CN': '连续六个月未参加组织生活或未交党费的党员名单只给管理该组织的社区书记和街道管理员；其他人只能看人数',
    en: "Members flagged for six months without organisational life or dues are named only to the organisation's community secretaries and street administrators; others see the counts",
  },
});
