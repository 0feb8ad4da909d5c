import { defineMessages } from '../define';

/** The members service: records and personal data, applicants, probation and conversion, transfers, registrations, check-ins. */
export const membersMessages = defineMessages({
  'member.idNumberTaken': {
    'zh-CN': '已有使用该身份证号（idNumber）的党员记录',
    en: 'A member with this ID number (idNumber) is already recorded',
  },
  'member.idNumberFormat': {
    'zh-CN': '{field} 须为 18 位：17 位数字加 1 位数字或 X',
    en: '{field} must be 18 characters: 17 digits, then a digit or X',
  },
  'member.idNumberCheckCharacter': { 'zh-CN': '{field} 的校验码有误（GB 11643）', en: '{field} has a wrong check character (GB 11643)' },
  'member.idNumberBirthDate': { 'zh-CN': '{field} 中的出生日期不存在', en: '{field} does not hold a real birth date' },
  'member.birthDateMismatchesIdNumber': {
    'zh-CN': '{field} 中的出生日期为 {fromIdNumber}，但 birthDate 为 {birthDate}',
    en: '{field} gives birth date {fromIdNumber}, but birthDate is {birthDate}',
  },
  'member.phone': {
    'zh-CN': '{field} 须为中国大陆手机号码：以 13 至 19 开头的 11 位数字',
    en: '{field} must be a mainland mobile number: 11 digits starting 13-19',
  },
  'member.beforeEighteenth': {
    'zh-CN': '{field}（{value}）早于年满十八周岁之日（{date}）',
    en: '{field} {value} is before the 18th birthday ({date})',
  },
  'member.onProbationUntil': {
    'zh-CN': '{joinedOn} 入党的党员在 {probationEndsOn} 之前是预备党员',
    en: 'A member who joined on {joinedOn} is on probation until {probationEndsOn}',
  },
  'member.registeredAsEmployed': {
    'zh-CN': '{name}已作为在职党员到社区报到：请先结束报到，再更改党员类别',
    en: '{name} is registered with a community as an employed member: end the registration before changing the category',
  },
  'member.alreadyFull': { 'zh-CN': '{name}已是正式党员', en: '{name} is already a full member' },
  'member.probationNotOver': {
    'zh-CN': '{name}的预备期到 {probationEndsOn} 为止：预备期满一年方可转正',
    en: '{name} is on probation until {probationEndsOn}: conversion (转正) comes after one year of probation',
  },
  'member.recordOutside': {
    'zh-CN': '该党员的档案不在您管理的组织范围内',
    en: "This member's record is outside the organisations you manage",
  },
  'member.organizationOutside': {
    'zh-CN': '该党员所在的党组织不在您管理的组织范围内',
    en: "This member's organisation is outside the organisations you manage",
  },
  'member.unitListDistrictOnly': {
    'zh-CN': '只有区级工作人员可以按驻区单位列出党员；管理人员请列出所辖党组织的党员',
    en: "Only district staff list a unit's members; managers list their organisations' members",
  },
  'organization.dissolvedReceivesNoMembers': { 'zh-CN': '{name}已撤销，不再接收党员', en: '{name} is dissolved: it receives no members' },
  'organization.closingReceivesNoMembers': {
    'zh-CN': '{name}正在撤销中，不再接收党员',
    en: '{name} is being dissolved: it receives no members',
  },
  'member.organizationScope': {
    'zh-CN': '{name}不是{scope:organizationScope}党组织（其类型为{actual:organizationScope}）',
    en: '{name} is not a {scope:organizationScope} organisation (scope {actual:organizationScope})',
  },

  'applicant.idNumberTaken': {
    'zh-CN': '该身份证号（idNumber）已有入党申请记录',
    en: 'An application with this ID number (idNumber) is already recorded',
  },
  'applicant.alreadyMember': { 'zh-CN': '此人（idNumber）已是党员', en: 'This person (idNumber) is already a member' },
  'applicant.alreadyAdmitted': { 'zh-CN': '{name}已被接收为预备党员', en: '{name} has already been admitted' },
  'applicant.nextStage': {
    'zh-CN': '{name}目前是{stage:applicantStage}：下一阶段是{next:applicantStage}',
    en: '{name} is at the stage {stage:applicantStage}: the next stage is {next:applicantStage}',
  },
  'applicant.nextIsAdmission': {
    'zh-CN': '{name}目前是{stage:applicantStage}：下一步是接收为预备党员（admitMember）',
    en: '{name} is at the stage {stage:applicantStage}: the next stage is admission (admitMember)',
  },
  'applicant.activistTooRecent': {
    'zh-CN': '{name}自 {activistOn} 起为入党积极分子：须经一年以上培养考察方可确定为发展对象',
    en: '{name} has been an activist since {activistOn}: a candidate (发展对象) needs a year as activist first',
  },
  'applicant.onlyCandidateAdmitted': {
    'zh-CN': '{name}目前是{stage:applicantStage}：只有发展对象才能接收为预备党员',
    en: '{name} is at the stage {stage:applicantStage}: only a candidate (发展对象) is admitted',
  },

  'transfer.alreadyOpen': {
    'zh-CN': '该党员已有未办结的组织关系转接：请先办结或驳回',
    en: 'This member already has an open transfer: complete or reject it first',
  },
  'transfer.alreadyHeld': { 'zh-CN': '{name}的组织关系已在该党组织', en: "{name}'s relationship is already held by this organisation" },
  'transfer.requestedCannotBecome': {
    'zh-CN': '该组织关系转接尚在申请中，不能改为“{to:transferStatus}”（请先批准）',
    en: 'The transfer is requested: it cannot become {to:transferStatus} (approve it first)',
  },
  'transfer.approvedCannotBecome': {
    'zh-CN': '该组织关系转接已批准，不能改为“{to:transferStatus}”（现在只能办结）',
    en: 'The transfer is approved: it cannot become {to:transferStatus} (it can only be completed now)',
  },
  'transfer.rejectedCannotBecome': {
    'zh-CN': '该组织关系转接已驳回，不能改为“{to:transferStatus}”（请重新申请转接）',
    en: 'The transfer is rejected: it cannot become {to:transferStatus} (request a new transfer)',
  },
  'transfer.completedCannotBecome': {
    'zh-CN': '该组织关系转接已办结，不能改为“{to:transferStatus}”（党员已转入新组织）',
    en: 'The transfer is completed: it cannot become {to:transferStatus} (the member has already moved)',
  },

  'registration.alreadyActive': {
    'zh-CN': '该党员已到社区报到：请先结束该报到',
    en: 'This member is already registered with a community: end that registration first',
  },
  'registration.notEmployed': {
    'zh-CN': '{name}不是在职党员：只有在职党员到社区报到',
    en: '{name} is not an employed member (在职党员): only employed members register with a community',
  },
  'registration.noResidence': {
    'zh-CN': '{name}没有登记居住社区：请先登记居住地',
    en: '{name} has no residence community: record where they live first',
  },
  'registration.otherCommunity': {
    'zh-CN': '{name}居住在其他社区：党员到居住地社区报到（请先更新 residenceCommunity）',
    en: '{name} lives in another community: members register where they live (update residenceCommunity first)',
  },
  'registration.ended': { 'zh-CN': '该报到已于 {endedOn} 结束', en: 'The registration ended on {endedOn}' },

  'migrant.checkedInThatDay': {
    'zh-CN': '该党员当天已在本服务站签到',
    en: 'This member has already checked in at this station on that day',
  },
  'migrant.notMigrant': { 'zh-CN': '{name}不是流动党员', en: '{name} is not a migrant member (流动党员)' },
});
