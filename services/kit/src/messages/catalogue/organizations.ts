import { defineMessages } from '../define';

/** The organizations service: the organisation tree, streets, communities and grids, leadership, instructors, kind checks. */
export const organizationsMessages = defineMessages({
  'organization.onePerCommunity': {
    'zh-CN': '该社区已有党组织（一社区一组织）',
    en: 'This community already has an active Party organisation (一社区一组织)',
  },
  'organization.oneCommitteePerStreet': { 'zh-CN': '该街道已有街道党工委', en: 'This street already has an active working committee' },
  'organization.committeeNeedsStreet': {
    'zh-CN': '街道党工委隶属于街道：请提供 streetId',
    en: 'A working committee belongs to a street: give streetId',
  },
  'organization.moveUnderItself': {
    'zh-CN': '{name}不能移到自身或其下级组织{parent}之下',
    en: '{name} cannot move under itself or its own descendant {parent}',
  },
  'organization.hasLivingChildren': {
    'zh-CN': '{name}仍有 {count} 个下级组织：请先转移或撤销它们',
    en: '{name} still has {count} active sub-organisation(s): move or dissolve them first',
  },
  'organization.alreadyDissolved': { 'zh-CN': '{name}已经撤销', en: '{name} is already dissolved' },
  'organization.stillHoldsMembers': {
    'zh-CN': '{name}仍有 {count} 名党员：请先办理组织关系转接（不漏一个党员）',
    en: '{name} still holds {count} member(s): transfer them first (不漏一个党员)',
  },
  'organization.ofAnotherUnit': { 'zh-CN': '{name}已是另一驻区单位的党组织', en: '{name} is already the organisation of another unit' },

  'placement.committeeIsTop': {
    'zh-CN': '街道党工委是组织树的顶层，没有上级组织',
    en: 'A street working committee (党工委) is the top of its tree and has no parent',
  },
  'placement.needsParent': {
    'zh-CN': '除街道党工委外，每个组织都须有上级组织',
    en: 'Every organisation but a working committee needs a parent',
  },
  'placement.parentDissolved': { 'zh-CN': '{name}已撤销，不能在其下设立组织', en: '{name} is dissolved: nothing can be placed under it' },
  'placement.parentBeingDissolved': {
    'zh-CN': '{name}正在撤销中，不能在其下设立组织',
    en: '{name} is being dissolved: nothing can be placed under it',
  },
  'placement.nothingUnderGroup': { 'zh-CN': '党小组之下不能再设组织', en: 'Nothing sits under a Party group (党小组)' },
  'placement.groupUnderBranch': { 'zh-CN': '党小组只能设在党支部之下', en: 'A Party group (党小组) sits under a branch (党支部)' },

  'street.districtOnly': {
    'zh-CN': '所在街道尚未设立党工委的社区，只有区级管理员可以管理',
    en: 'Only district administrators manage a community whose street has no working committee',
  },
  'street.nameTaken': { 'zh-CN': '{district}已有名为{name}的街道', en: '{district} already has a street named {name}' },
  'community.nameTaken': { 'zh-CN': '该街道已有名为{name}的社区', en: 'The street already has a community named {name}' },
  'community.tooManyGrids': { 'zh-CN': '一个社区最多划分 {max} 个网格', en: 'A community has at most {max} grids' },
  'community.gridLimitReached': {
    'zh-CN': '该社区已有 {max} 个网格，已达上限',
    en: 'The community already has {max} grids, the most it may have',
  },
  'grid.namesRepeat': { 'zh-CN': '网格名称不能重复', en: 'Grid names must differ' },
  'grid.nameTaken': { 'zh-CN': '该社区已有名为{name}的网格', en: 'The community already has a grid named {name}' },

  'position.endBeforeStart': {
    'zh-CN': '{field} 不能早于任职开始日期（{startsOn}）',
    en: '{field} cannot be before the start ({startsOn})',
  },
  'position.onlySecretaryChairs': {
    'zh-CN': '只有书记可以兼任居委会主任（一肩挑）',
    en: "Only the secretary can also chair the residents' committee (一肩挑)",
  },
  'position.partTimeFromUnit': {
    'zh-CN': '兼职委员来自驻区单位，须填写 fromUnitId；其他职务不填写',
    en: 'A part-time committee member (兼职委员) comes from a resident unit; other roles name none',
  },
  'position.secretaryTaken': {
    'zh-CN': '{name}已有现任书记：请先结束该任职',
    en: '{name} already has a current secretary: end that position first',
  },
  'position.alreadyHeld': { 'zh-CN': '该党员已担任此职务', en: 'This member already holds this position' },
  'position.alreadyEnded': { 'zh-CN': '该任职已经结束', en: 'This position has already ended' },
  'instructor.unitHasOrganization': {
    'zh-CN': '{name}已建立党组织，无需选派党建指导员',
    en: '{name} has its own Party organisation and needs no instructor',
  },
  'instructor.alreadyAssigned': {
    'zh-CN': '{name}已有现任党建指导员：请先结束该选派',
    en: '{name} already has a current instructor: end that assignment first',
  },
  'instructor.alreadyEnded': { 'zh-CN': '该选派已经结束', en: 'This assignment has already ended' },

  'kindCheck.notBySize': { 'zh-CN': '{kind:organizationKind}不按党员人数设置', en: 'A {kind:organizationKind} is not set up by size' },
  'kindCheck.tooFewFullMembers': {
    'zh-CN': '正式党员 {fullMemberCount} 名：党支部至少需要 {minimum} 名正式党员；请组建联合支部或增加党员',
    en: '{fullMemberCount} full members: a branch needs at least {minimum}; join a joint branch (联合支部) or add members',
  },
  'kindCheck.suitsAnother': {
    'zh-CN': '{memberCount} 名党员应设{recommended:organizationKind}，而非{kind:organizationKind}',
    en: '{memberCount} members suit a {recommended:organizationKind}, not a {kind:organizationKind}',
  },
  'kindCheck.committeeNeedsFullTimeDeputy': {
    'zh-CN': '党委须配备现任专职副书记',
    en: 'A committee needs a current full-time deputy secretary (专职副书记)',
  },
  'kindCheck.fits': {
    'zh-CN': '{memberCount} 名党员适合设{kind:organizationKind}',
    en: '{memberCount} members suit a {kind:organizationKind}',
  },
});
