import { defineMessages } from '../define';

/** Party dues (党费) in the members service: bases, payments, reversals, reductions (issue 17). */
export const duesMessages = defineMessages({
  'dues.baseRequired': {
    'zh-CN': '{field}：在职党员和退休党员须申报月收入（分），农民党员须填写支部确定的月缴金额',
    en: '{field}: employed and retired members declare a monthly income (fen); farmers the monthly amount their branch set',
  },
  'dues.baseNotTaken': {
    'zh-CN': '{field}：学生、下岗失业及享受低保的党员每月交纳 0.2 元，不申报收入',
    en: '{field}: students, laid-off members and members on relief pay 0.2 yuan a month and declare no income',
  },
  'dues.baseRange': {
    'zh-CN': '{field} 须为 0 至 100000000 之间的整数（单位：分）',
    en: '{field} must be a whole number of fen from 0 to 100000000',
  },
  'dues.farmerRange': {
    'zh-CN': '{field}：农民党员每月交纳 0.2 至 1 元（20 至 100 分）',
    en: '{field}: farmers pay 0.2 to 1 yuan (20 to 100 fen) a month',
  },
  'dues.year': { 'zh-CN': '{field} 须为 2008 年至 {latest} 年之间的年份', en: '{field} must be a year from 2008 to {latest}' },
  'dues.monthNumber': { 'zh-CN': '{field} 须为 1 至 12 之间的月份', en: '{field} must be a month from 1 to 12' },
  'dues.period': { 'zh-CN': '{field} 中的 {value} 不是 YYYY-MM 格式的月份', en: '{field}: {value} is not a month written YYYY-MM' },
  'dues.joinedAfterYear': {
    'zh-CN': '{name}于 {joinedOn} 入党，{year} 年无需交纳党费',
    en: '{name} joined on {joinedOn}: there are no dues for {year}',
  },
  'dues.amountPositive': { 'zh-CN': '{field} 须为大于 0 的整数（单位：分）', en: '{field} must be a whole number of fen above 0' },
  'dues.monthsCount': { 'zh-CN': '{field} 须列出 1 至 36 个不重复的月份', en: '{field} must list 1 to 36 different months' },
  'dues.monthNotDeclared': {
    'zh-CN': '{month} 尚未申报党费基数：请先申报（declareDuesBase）',
    en: 'No dues base is declared for {month}: declare one first (declareDuesBase)',
  },
  'dues.monthPaid': { 'zh-CN': '{month} 的党费已交纳', en: 'The dues for {month} are already paid' },
  'dues.amountMismatch': {
    'zh-CN': '所列月份应交党费为 {items}，合计 {total} 元；本次交纳 {amount} 元，与应交金额不符',
    en: 'The months claimed are due {items}, {total} yuan in all; the payment of {amount} yuan does not match',
  },
  'dues.keyReused': {
    'zh-CN': '该幂等键（idempotencyKey）已用于另一笔不同的交纳记录',
    en: 'This idempotencyKey was already used for a different payment',
  },
  'dues.notAPayment': { 'zh-CN': '冲正记录不能再被冲正', en: 'A reversal cannot itself be reversed' },
  'dues.reductionOverlaps': {
    'zh-CN': '该党员在这段时间内已有减免记录',
    en: 'This member already has a reduction or waiver for part of these months',
  },
  'dues.reducedAmount': {
    'zh-CN': '{field}：减交须给出每月应交金额（分），免交则不填',
    en: '{field}: a reduction gives the monthly amount (fen); a waiver gives none',
  },
  'dues.untilBeforeFrom': {
    'zh-CN': 'untilMonth（{until}）早于 fromMonth（{from}）',
    en: 'untilMonth ({until}) is before fromMonth ({from})',
  },
  'dues.inFuture': { 'zh-CN': '{field}（{value}）不能晚于今天', en: '{field} ({value}) cannot be after today' },
  'dues.readersOnly': {
    'zh-CN': '党费及收入基数只有党员本人及其所在党组织的书记可以查看',
    en: "Dues and the income base are read only by the member and the secretaries of the member's organisation",
  },
  'dues.secretariesOnly': {
    'zh-CN': '只有党组织书记可以查看欠缴党费的党员名单',
    en: "Only an organisation's secretaries read its members' dues arrears",
  },
  'dues.summaryReaders': {
    'zh-CN': '党费汇总只供分析人员和所辖党组织的管理人员查看',
    en: "Dues totals are read by analysts and the managers of the organisation's subtree",
  },
});
