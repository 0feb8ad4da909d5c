import { defineMessages } from '../define';

/** Transfer introduction letters (介绍信) and receipts (回执) in the members service (issue 17). */
export const transferLetterMessages = defineMessages({
  'transfer.expiredCannotBecome': {
    'zh-CN': '该组织关系转接的介绍信已过期，转接已失效，不能改为“{to:transferStatus}”（请重新申请转接）',
    en: 'The transfer expired with its introduction letter: it cannot become {to:transferStatus} (request a new transfer)',
  },
  'transfer.letterLapsed': {
    'zh-CN': '介绍信有效期至 {validUntil}，已过期：党员仍在原党组织，请重新申请转接',
    en: 'The introduction letter was valid until {validUntil} and has lapsed: the member stays where they were; request a new transfer',
  },
  'transfer.letterDays': {
    'zh-CN': '{field} 须为 1 至 {maximum} 之间的天数（介绍信有效期最长三个月）',
    en: '{field} must be 1 to {maximum} days (an introduction letter is valid at most three months)',
  },
  'transfer.receiptNotCompleted': {
    'zh-CN': '党员尚未到接收党组织报到（转接未办结），还没有回执',
    en: 'The member has not reported in at the receiving organisation (the transfer is not completed): there is no receipt yet',
  },
  'transfer.receiptRecorded': { 'zh-CN': '回执已于 {returnedOn} 登记', en: 'The receipt was already recorded as returned on {returnedOn}' },
  'transfer.receiptBeforeCompleted': {
    'zh-CN': '{field}（{value}）早于党员报到日期 {completedOn}',
    en: '{field} ({value}) is before the member reported in on {completedOn}',
  },
});
