import { defineMessages } from '../define';

/** The resources service: co-building (共驻共建) resources and bookings, agreements, needs and projects, joint meetings. */
export const resourcesMessages = defineMessages({
  'liaison.ownUnitOnly': { 'zh-CN': '驻区单位联络员只能代表本单位办理', en: 'A unit liaison acts for their own unit only' },
  'liaison.booksForOwn': {
    'zh-CN': '驻区单位联络员只能为本单位党组织或所在社区党组织预订',
    en: "A unit liaison books for their unit's organisation or its community's",
  },
  'liaison.ownAgreementsOnly': {
    'zh-CN': '驻区单位联络员只能填报本单位共建协议的进展',
    en: "A unit liaison reports on their own unit's agreements only",
  },

  'resource.withdrawn': { 'zh-CN': '{name}已下架', en: '{name} has been withdrawn' },
  'resource.venueNeedsCapacity': { 'zh-CN': '场地须注明可容纳人数', en: 'A venue states how many people it holds' },
  'resource.openingHoursOnlyBookable': { 'zh-CN': '只有场地和设施有开放时间', en: 'Only venues and facilities have opening hours' },
  'resource.notVenueOrFacility': { 'zh-CN': '{name}不是场地或设施', en: '{name} is not a venue or facility' },
  'resource.upcomingBookings': {
    'zh-CN': '{name}还有 {count} 个尚未使用的已确认预订：请先取消',
    en: '{name} still has {count} confirmed booking(s) to come: cancel them first',
  },
  'resource.servesProjects': {
    'zh-CN': '{name}仍服务于 {count} 个计划中或进行中的共建项目',
    en: '{name} still serves {count} planned or active project(s)',
  },

  'openingHours.time': {
    'zh-CN': '{field} 须为 HH:MM 格式的时间（00:00-23:59），而不是“{value}”',
    en: '{field} must be a time written HH:MM (00:00-23:59), not "{value}"',
  },
  'openingHours.closingTime': {
    'zh-CN': '{field} 须为 HH:MM 格式的时间（00:00-23:59，或 24:00），而不是“{value}”',
    en: '{field} must be a time written HH:MM (00:00-23:59, or 24:00), not "{value}"',
  },
  'openingHours.tooMany': { 'zh-CN': '开放时段最多 {max} 个', en: 'At most {max} opening windows' },
  'openingHours.opensBeforeCloses': {
    'zh-CN': '{weekday:weekday}的开放时段须先开始后结束（{opensAt}-{closesAt}）',
    en: 'A {weekday:weekday} window must open before it closes ({opensAt}-{closesAt})',
  },
  'openingHours.overlap': { 'zh-CN': '{weekday:weekday}有两个开放时段在 {at} 重叠', en: 'Two {weekday:weekday} windows overlap at {at}' },

  'booking.notBookable': {
    'zh-CN': '{name}属于{kind:resourceKind}类资源：只有场地和设施可以预订',
    en: '{name} is a resource of kind {kind:resourceKind}: only venues and facilities are booked',
  },
  'booking.resourceWithdrawn': { 'zh-CN': '{name}已下架，不再接受预订', en: '{name} has been withdrawn and takes no bookings' },
  'booking.startInFuture': { 'zh-CN': '预订的开始时间须晚于现在', en: 'A booking must start in the future' },
  'booking.overCapacity': {
    'zh-CN': '{headcount} 人超过{name}的容量（{capacity} 人）',
    en: '{headcount} people exceed the capacity of {name} ({capacity})',
  },
  'booking.outsideOpeningHours': {
    'zh-CN': '{name}在预订时段内并非全程开放；开放时间为 {openingHours:openingHours}（北京时间）',
    en: '{name} is not open for the whole booking; it opens {openingHours:openingHours} (UTC+8)',
  },
  'booking.overlap': {
    'zh-CN': '{name}在 {from} 至 {to}（北京时间）期间已有部分时段被预订',
    en: '{name} is already booked for part of {from} to {to} (UTC+8)',
  },
  'booking.alreadyCancelled': { 'zh-CN': '该预订已经取消', en: 'This booking is already cancelled' },
  'booking.alreadyTakenPlace': { 'zh-CN': '该预订的时段已经过去', en: 'This booking has already taken place' },
  'booking.cancelled': { 'zh-CN': '该预订已取消', en: 'This booking is cancelled' },
  'booking.servesActivity': { 'zh-CN': '该预订已用于活动 {activityId}', en: 'This booking already serves activity {activityId}' },
  /** Stored as the booking's cancellation reason when its activity is cancelled: data, written in the users' language. */
  'booking.releasedWithActivity': { 'zh-CN': '活动已取消，场地预订随之释放', en: 'The activity was cancelled' },
  'booking.activityOutsideBooker': {
    'zh-CN': '该活动不是预订方党组织（或其下级组织）举办的：场地预订只服务于本组织的活动',
    en: "That activity is organised outside the booking organisation: a booking serves its own organisation's activities",
  },

  'agreement.signedInFuture': { 'zh-CN': '共建协议的签订日期不能晚于今天', en: 'An agreement cannot be signed in the future' },
  'agreement.alreadyExpired': {
    'zh-CN': '有效期至 {validTo} 的共建协议已经过期',
    en: 'An agreement valid only until {validTo} has already expired',
  },
  'agreement.dueByOutside': {
    'zh-CN': 'dueBy（{dueBy}）须在共建协议有效期内（{validFrom} 至 {validTo}）',
    en: 'dueBy {dueBy} must fall within the agreement ({validFrom} to {validTo})',
  },
  'agreement.notActive': {
    'zh-CN': '共建协议“{title}”{status:agreementStatus}',
    en: 'The agreement "{title}" is {status:agreementStatus}',
  },
  'agreement.sameLiaison': { 'zh-CN': '双方须各自指定联络员', en: 'Each side names its own liaison (联络员)' },
  'agreement.commitmentCount': {
    'zh-CN': '请填写 1 至 {max} 项承诺，或不填写以采用双方各自的“六个一”',
    en: 'Give 1 to {max} commitments, or none for the six ones (六个一) of each side',
  },
  'agreement.communityWithoutOrganization': {
    'zh-CN': '{name}没有可代表其签约的党组织',
    en: '{name} has no Party organisation to sign for it',
  },
  'agreement.activePairExists': {
    'zh-CN': '{community}与{unit}已有有效的共建协议',
    en: '{community} and {unit} already have an active co-building agreement',
  },
  'agreement.terminatedBeforeSigned': {
    'zh-CN': 'terminatedOn 不能早于共建协议的签订日期（{signedOn}）',
    en: 'terminatedOn cannot be before the agreement was signed ({signedOn})',
  },
  'agreement.reviewYear': { 'zh-CN': 'year 须为公历年份，例如 2026', en: 'year must be a calendar year, e.g. 2026' },
  'commitment.progressStatus': {
    'zh-CN': '进展只能记为 IN_PROGRESS（进行中）或 DONE（已完成）',
    en: 'Progress is recorded as IN_PROGRESS or DONE',
  },
  'commitment.alreadyDone': { 'zh-CN': '“{item}”已经完成', en: '"{item}" is already done' },

  'need.alreadyResolved': { 'zh-CN': '需求“{title}”已经解决', en: 'The need "{title}" is already resolved' },
  'project.alreadyStarted': {
    'zh-CN': '共建项目“{title}”已是“{status:projectStatus}”状态',
    en: 'The project "{title}" is already {status:projectStatus}',
  },
  'project.notStarted': { 'zh-CN': '共建项目“{title}”尚未启动：请先启动', en: 'The project "{title}" has not started: start it first' },
  'project.alreadyCompleted': { 'zh-CN': '共建项目“{title}”已经完成', en: 'The project "{title}" is already completed' },

  'meeting.tooManyPlanItems': { 'zh-CN': '计划事项最多 {max} 项', en: 'At most {max} plan items' },
  'meeting.leadUnitAttended': { 'zh-CN': '计划事项须由出席会议的单位牵头', en: 'A plan item is led by a unit that attended the meeting' },
  'meeting.dueAfterMeeting': {
    'zh-CN': '计划事项的完成期限须在商定它的会议之后',
    en: 'A plan item falls due after the meeting that agreed it',
  },
  'meeting.notYetHeld': { 'zh-CN': '党建联席会议召开后才能记录', en: 'A meeting is recorded once it has been held' },
  'meeting.tooManyResolutions': { 'zh-CN': '决议最多 {max} 项', en: 'At most {max} resolutions' },
});
