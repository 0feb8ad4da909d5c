import { defineMessages } from '../define';

/** Rules several services word the same way: dates in order, periods, lists of ids, scope. */
export const commonMessages = defineMessages({
  'date.inFuture': { 'zh-CN': '{field}（{value}）晚于今天', en: '{field} {value} is in the future' },
  'date.notInFuture': { 'zh-CN': '{field} 不能晚于今天', en: '{field} cannot be in the future' },
  'date.mustBePast': { 'zh-CN': '{field} 须早于今天', en: '{field} must be in the past' },
  'date.notBefore': { 'zh-CN': '{field} 不能早于 {date}', en: '{field} cannot be before {date}' },
  'date.notBeforeField': { 'zh-CN': '{field} 不能早于 {other}', en: '{field} must not be before {other}' },
  'date.after': { 'zh-CN': '{field} 须晚于 {other}', en: '{field} must be after {other}' },
  'date.beforeMilestone': {
    'zh-CN': '{field}（{value}）早于{milestone:milestone}（{date}）',
    en: '{field} {value} is before {milestone:milestone} ({date})',
  },
  'period.tooLong': { 'zh-CN': '时间段最长 {max} 天', en: 'A period spans at most {max} days' },
  'ids.tooFew': { 'zh-CN': '{field} 至少需要 {min} 个 ID', en: '{field} needs at least {min} id(s)' },
  'ids.tooMany': { 'zh-CN': '{field} 最多 {max} 个 ID', en: '{field} takes at most {max} ids' },
  'scope.outside': { 'zh-CN': '这不在您管理的组织范围内', en: 'This is outside the organisations you manage' },
  'scope.organizationOutside': { 'zh-CN': '{name}不在您管理的组织范围内', en: '{name} is outside the organisations you manage' },
  'scope.thatOrganizationOutside': {
    'zh-CN': '该组织不在您管理的组织范围内',
    en: 'That organisation is outside the organisations you manage',
  },
  'scope.streetOutside': { 'zh-CN': '该街道不在您管理的组织范围内', en: 'This street is outside the organisations you manage' },
  'scope.communityOutside': { 'zh-CN': '该社区不在您管理的组织范围内', en: 'This community is outside the organisations you manage' },
  'organization.dissolved': { 'zh-CN': '{name}已撤销', en: '{name} is dissolved' },
  'organization.beingDissolved': { 'zh-CN': '{name}正在撤销中', en: '{name} is being dissolved' },
});
