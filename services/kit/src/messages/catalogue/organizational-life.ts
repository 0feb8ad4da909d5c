import { defineMessages } from '../define';

/** The organizations service's organisational life (三会一课): meetings, attendance, compliance. */
export const organizationalLifeMessages = defineMessages({
  'meeting.typeNotForKind': {
    'zh-CN': '{kind:organizationKind}不召开{type:meetingType}',
    en: 'A {kind:organizationKind} holds no {type:meetingType}',
  },
  'meeting.committeeNeedsCommittee': {
    'zh-CN': '{name}未设支部委员会，不召开委员会会议',
    en: '{name} has no branch committee and holds no committee meetings',
  },
  'meeting.organizationNotActive': {
    'zh-CN': '{name}不是活跃的党组织，不能记录组织生活',
    en: '{name} is not an active organisation: no meetings are recorded for it',
  },
  'meeting.alreadyRecorded': {
    'zh-CN': '{name}在 {startsAt} 的{type:meetingType}已有记录：如需修改请更正该记录',
    en: '{name} already has a {type:meetingType} recorded at {startsAt}: correct that record instead',
  },
  'meeting.notMemberThatDay': {
    'zh-CN': '党员 {memberId} 在 {date} 不是{name}的党员',
    en: 'Member {memberId} was not a member of {name} on {date}',
  },
  'meeting.attendanceRepeats': {
    'zh-CN': '党员 {memberId} 在出勤名单中出现多次',
    en: 'Member {memberId} appears more than once in the attendance',
  },
  'meeting.leaveNeedsReason': { 'zh-CN': '请假须填写事由（党员 {memberId}）', en: 'Leave (请假) needs a reason (member {memberId})' },
  'meeting.reasonOnlyForLeave': { 'zh-CN': '只有请假需要填写事由（党员 {memberId}）', en: 'Only leave takes a reason (member {memberId})' },
  'meeting.lecturerOnlyForLesson': { 'zh-CN': '只有党课有授课人', en: 'Only a Party lesson (党课) has a lecturer' },
  'meeting.placeOrVenue': {
    'zh-CN': '请填写会议地点或所订场地之一',
    en: 'Give either a place or a booked venue, not both and not neither',
  },
  'meeting.venueNotHeld': {
    'zh-CN': '所订场地在会议开始时（{startsAt}）不在预订时段内或已取消',
    en: 'The booked venue does not cover the meeting start ({startsAt}) or is no longer booked',
  },
  'meeting.outsideScope': {
    'zh-CN': '该会议所属党组织不在您管理的范围内',
    en: "This meeting's organisation is outside the organisations you manage",
  },
  'meeting.silentMonths': { 'zh-CN': 'months 须为 {min} 到 {max} 之间的整数', en: 'months must be a whole number from {min} to {max}' },
  'meeting.cancelled': { 'zh-CN': '该会议记录已撤销', en: 'This meeting record was cancelled' },
  'meeting.versionStale': {
    'zh-CN': '该会议记录已被更正为第 {current} 版：请在最新版本基础上更正',
    en: 'This meeting record is now at version {current}: correct the latest version',
  },
});
