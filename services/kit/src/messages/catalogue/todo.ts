import { defineMessages } from '../define';

/**
 * The secretary's to-do list (待办, issue 17): what each item asks the reader to do, worded in the
 * caller's language by the service that owns the fact; and who may read the list.
 */
export const todoMessages = defineMessages({
  'todo.probationEnding': {
    'zh-CN': '预备期将于 {dueOn} 期满：请召开支部大会讨论其转正',
    en: 'Probation ends on {dueOn}: hold the branch meeting that decides on full membership',
  },
  'todo.transferLetterLapsing': {
    'zh-CN': '组织关系介绍信有效期至 {dueOn}：请督促党员按时到接收党组织报到',
    en: 'The introduction letter is valid until {dueOn}: make sure the member reports in at the receiving organisation',
  },
  'todo.duesArrears': {
    'zh-CN': '已有 {months} 个月未交党费（自 {since} 起）：请提醒并督促交纳',
    en: 'Dues unpaid for {months} months (since {since}): remind the member to pay',
  },
  'todo.registrationNotAppraised': {
    'zh-CN': '{year} 年尚未对该到社区报到党员作出评价：请在年底前反馈',
    en: 'No feedback yet in {year} on this member registered with the community: appraise them by the end of the year',
  },
  'todo.meetingOverdue': {
    'zh-CN': '{from} 至 {to} 未召开{type:meetingType}：请尽快召开',
    en: 'No {type:meetingType} was held from {from} to {to}: hold one soon',
  },
  'todo.agreementReview': {
    'zh-CN': '共建协议的年度考评日为 {dueOn}：请会同共建单位评议承诺完成情况',
    en: 'The yearly review of this co-building agreement falls on {dueOn}: review the commitments with the partner unit',
  },
  'todo.agreementExpiring': {
    'zh-CN': '共建协议将于 {dueOn} 到期：请与共建单位商议续签',
    en: 'The co-building agreement ends on {dueOn}: agree a renewal with the partner unit',
  },
  'todo.needOpen': {
    'zh-CN': '群众需求已提出 {days} 天仍未对接：请匹配资源或项目',
    en: 'This need was raised {days} days ago and is still unmatched: match it with a resource or project',
  },
  'todo.readers': {
    'zh-CN': '待办事项只供书记和街道、区管理人员查看（分析人员只看数量）',
    en: 'The to-do list is read by secretaries and street or district administrators (analysts see counts only)',
  },
  'todo.countsOnly': { 'zh-CN': '分析人员只能查看待办事项的数量', en: 'Analysts see the counts of to-do items only' },
});
