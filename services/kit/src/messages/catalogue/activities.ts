import { defineMessages } from '../define';

/** The activities service: volunteer teams, activities, sign-up, check-in and check-out, credited hours. */
export const activitiesMessages = defineMessages({
  'team.nameTaken': { 'zh-CN': '该组织已有同名的党员志愿者服务队', en: 'This organisation already has a volunteer team of that name' },
  'team.alreadyMember': { 'zh-CN': '该党员已是本服务队队员', en: 'The member already belongs to this team' },
  'team.joinedBeforeFounded': {
    'zh-CN': '{team}成立于 {foundedOn}：此前无人能加入',
    en: '{team} was founded on {foundedOn}: nobody joined it before',
  },
  'team.notMember': { 'zh-CN': '该党员不是{team}的现任队员', en: 'The member is not a current member of {team}' },
  'team.leaderCannotLeave': {
    'zh-CN': '该党员是{team}的队长：请先把队长交给其他队员',
    en: 'The member leads {team}: hand the leadership to another member first',
  },
  'team.leftBeforeJoined': {
    'zh-CN': '该党员于 {joinedOn} 入队：leftOn 不能早于这一天',
    en: 'The member joined on {joinedOn}: leftOn cannot be earlier',
  },
  'team.leaderIsMember': { 'zh-CN': '只有{team}的现任队员才能担任队长', en: 'Only a current member of {team} can lead it' },

  'activity.capacityRange': { 'zh-CN': 'capacity 须为 1 至 {max} 的整数', en: 'capacity must be a whole number from 1 to {max}' },
  'activity.tooLong': { 'zh-CN': '一项活动最长 {max} 小时', en: 'an activity lasts at most {max} hours' },
  'activity.notPublishedYet': {
    'zh-CN': '无法{action:activityAction}：活动“{title}”尚未发布',
    en: 'Cannot {action:activityAction}: activity "{title}" is not published yet',
  },
  'activity.cancelledCannot': {
    'zh-CN': '无法{action:activityAction}：活动“{title}”已取消',
    en: 'Cannot {action:activityAction}: activity "{title}" was cancelled',
  },
  'activity.completedCannot': {
    'zh-CN': '无法{action:activityAction}：活动“{title}”已经结项',
    en: 'Cannot {action:activityAction}: activity "{title}" is already completed',
  },
  'activity.startedCannot': {
    'zh-CN': '无法{action:activityAction}：活动“{title}”已经开始',
    en: 'Cannot {action:activityAction}: activity "{title}" has already started',
  },
  'activity.full': {
    'zh-CN': '活动“{title}”已报满：{capacity} 个名额均已占用',
    en: 'Activity "{title}" is full: all {capacity} places are taken',
  },
  'activity.changedWhileSigningUp': {
    'zh-CN': '报名期间活动发生了变化，请重试',
    en: 'The activity changed while signing up; please try again',
  },
  'activity.alreadyCompleted': {
    'zh-CN': '活动“{title}”已于 {completedAt} 结项：服务时长已在当时记入',
    en: 'Activity "{title}" was already completed at {completedAt}: its hours were credited then',
  },
  'activity.notStarted': { 'zh-CN': '活动“{title}”尚未开始', en: 'Activity "{title}" has not started yet' },
  'activity.cancelled': { 'zh-CN': '活动“{title}”已取消', en: 'Activity "{title}" was cancelled' },
  'activity.completed': { 'zh-CN': '活动“{title}”已经结项', en: 'Activity "{title}" is already completed' },
  'activity.membersCheckedIn': {
    'zh-CN': '已有 {count} 名党员在“{title}”签到：请结项，而不是取消',
    en: '{count} member(s) already checked in to "{title}": complete it instead of cancelling',
  },
  'activity.notDraft': {
    'zh-CN': '活动“{title}”当前为“{status:activityStatus}”，不是草稿',
    en: 'Activity "{title}" is {status:activityStatus}, not a draft',
  },
  'activity.startsInPast': {
    'zh-CN': '活动“{title}”的开始时间已过：请先修改时间再发布',
    en: 'Activity "{title}" starts in the past: change its time before publishing',
  },
  'activity.onlyDraftChanges': {
    'zh-CN': '活动“{title}”当前为“{status:activityStatus}”：只有草稿可以修改（已发布的活动只能调整名额）',
    en: 'Activity "{title}" is {status:activityStatus}: only a draft can be changed (a published one may change its capacity)',
  },
  'activity.capacityBelowSignUps': {
    'zh-CN': '“{title}”已有 {count} 人报名：名额不能少于此数',
    en: '{count} members are signed up for "{title}": the capacity cannot go below that',
  },
  'activity.capacityBelowSignedUp': {
    'zh-CN': '名额不能少于已报名的人数',
    en: 'The capacity cannot go below the members already signed up',
  },
  'activity.inOrganizersCommunity': {
    'zh-CN': '活动须在主办党组织所在的社区举办',
    en: "An activity takes place in its organiser's community",
  },
  'activity.streetNamesCommunity': {
    'zh-CN': '街道级主办组织须指明活动举办的社区',
    en: 'A street-level organiser names the community the activity takes place in',
  },
  'activity.participantsOutside': {
    'zh-CN': '该活动的参与人员不在您管理的组织范围内',
    en: "This activity's participants are outside the organisations you manage",
  },
  'activity.volunteerRecordOutside': {
    'zh-CN': '该党员的志愿服务记录不在您管理的组织范围内',
    en: "This member's volunteer record is outside the organisations you manage",
  },

  'venue.bookedByAnother': {
    'zh-CN': '该场地是其他组织预订的：活动只能使用主办组织或其上级组织的预订',
    en: 'That venue was booked by another organisation: an activity uses a booking of its organiser or of an organisation above it',
  },
  'venue.servesAnotherActivity': { 'zh-CN': '该场地预订已用于另一项活动', en: 'That venue booking already serves another activity' },
  'venue.bookingCancelled': { 'zh-CN': '该场地预订已取消', en: 'That venue booking was cancelled' },
  'venue.doesNotCover': {
    'zh-CN': '场地预订时间为 {startsAt} 至 {endsAt}，未覆盖活动时间',
    en: 'The venue is booked from {startsAt} to {endsAt}, which does not cover the activity',
  },

  'signUp.already': { 'zh-CN': '该党员已报名此活动', en: 'The member is already signed up for this activity' },
  'signUp.startedNoWithdrawal': {
    'zh-CN': '活动“{title}”已经开始：不能再取消报名',
    en: 'Activity "{title}" has already started: sign-ups can no longer be withdrawn',
  },
  'signUp.noneOpen': { 'zh-CN': '该党员没有可取消的报名', en: 'The member has no open sign-up for this activity' },
  'checkIn.window': {
    'zh-CN': '活动“{title}”的签到时间为 {opens} 至 {closes}',
    en: 'Check-in for "{title}" is open from {opens} to {closes}',
  },
  'checkIn.notSignedUp': { 'zh-CN': '只有报名了该活动的党员才能签到', en: 'Only members signed up for the activity can check in' },
  'checkIn.already': { 'zh-CN': '该党员已于 {at} 签到', en: 'The member already checked in at {at}' },
  'checkOut.notCheckedIn': { 'zh-CN': '只有已签到的党员才能签退', en: 'Only a member who checked in can check out' },
  'checkOut.already': { 'zh-CN': '该党员已于 {at} 签退', en: 'The member already checked out at {at}' },
  'checkOut.beforeCheckIn': { 'zh-CN': '签退时间不能早于签到时间', en: 'A check-out cannot come before the check-in' },
});
