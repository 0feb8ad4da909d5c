import { defineMessages } from '../define';

/**
 * Lifecycle rules left from the first round (issue 17, part 2): probation extension (members),
 * agreement renewal and expiry (resources), disbanding volunteer teams and rescheduling published
 * activities (activities).
 */
export const lifecycleMessages = defineMessages({
  'probation.notProbationary': {
    'zh-CN': '{name}不是预备党员，无预备期可延长',
    en: '{name} is not a probationary member: there is no probation to extend',
  },
  'probation.alreadyExtended': {
    'zh-CN': '{name}的预备期已于 {extendedOn} 延长过 {months} 个月：预备期只能延长一次',
    en: "{name}'s probation was already extended, on {extendedOn}, by {months} months: probation is extended once only",
  },
  'probation.months': { 'zh-CN': '{field} 须为 6 至 12 之间的整数（月）', en: '{field} must be a whole number of months from 6 to 12' },
  'probation.yearOver': {
    'zh-CN': '{name}的一年预备期已于 {probationEndsOn} 届满：延长预备期须在届满之前决定',
    en: "{name}'s year of probation ended on {probationEndsOn}: an extension is decided before it ends",
  },
  'agreement.renewTerminated': {
    'zh-CN': '协议“{title}”已终止，不能续签：请重新签订协议',
    en: 'Agreement "{title}" was terminated: it is not renewed, sign a new one',
  },
  'agreement.alreadyRenewed': {
    'zh-CN': '协议“{title}”已续签过一次：请续签新的协议',
    en: 'Agreement "{title}" was already renewed: renew the new agreement instead',
  },
  'agreement.pairHasActive': {
    'zh-CN': '协议“{title}”的双方已另有有效的共建协议：不能再续签',
    en: 'The parties to "{title}" already have another active agreement: it is not renewed',
  },
  'agreement.renewalEnds': {
    'zh-CN': '续签期限 validTo（{validTo}）须晚于新期限的开始日 {validFrom}',
    en: 'validTo ({validTo}) must be after the day the new period begins ({validFrom})',
  },
  'team.disbanded': {
    'zh-CN': '{team}已于 {disbandedOn} 解散：不再开展新活动、不再吸收队员',
    en: '{team} was disbanded on {disbandedOn}: no new activities or members',
  },
  'team.disbandedBeforeFounded': {
    'zh-CN': '{team}成立于 {foundedOn}：解散日期不能早于这一天',
    en: '{team} was founded on {foundedOn}: it cannot be disbanded before',
  },
  'activity.rescheduleOnlyPublished': {
    'zh-CN': '活动“{title}”当前为“{status:activityStatus}”：只有已发布的活动可以改期（草稿直接修改时间）',
    en: 'Activity "{title}" is {status:activityStatus}: only a published activity is rescheduled (a draft\'s times are edited)',
  },
  'activity.rescheduleStarted': {
    'zh-CN': '活动“{title}”已经开始，不能再改期',
    en: 'Activity "{title}" has started: it can no longer be rescheduled',
  },
  'activity.rescheduleToPast': {
    'zh-CN': '新的开始时间 {startsAt} 已过：活动只能改到将来的时间',
    en: 'The new start, {startsAt}, has passed: an activity is rescheduled to a time to come',
  },
});
