import { defineMessages } from '../define';

/** Findings of the resident units and team memberships imports (issue 18): what a row names and cannot be found or added. */
export const importKindsMessages = defineMessages({
  'import.communityUnknown': {
    'zh-CN': '在您管理的范围内找不到名称或编码为“{value}”的社区',
    en: 'No community named or coded "{value}" within your scope',
  },
  'import.communityAmbiguous': {
    'zh-CN': '您管理的范围内有 {count} 个名为“{value}”的社区：请改填社区编码',
    en: '{count} communities named "{value}" are within your scope: give its code instead',
  },
  'import.unitRecorded': {
    'zh-CN': '社区“{community}”已有名为“{value}”的驻区单位',
    en: 'The community "{community}" already has a resident unit named "{value}"',
  },
  'import.changedMeanwhile': {
    'zh-CN': '核对之后、写入之前数据已有变化（范围或重名），本次未写入任何一行：请重新导入',
    en: 'The records changed between the check and the write (scope or a name now taken); nothing was written: import again',
  },
  'import.teamUnknown': {
    'zh-CN': '在您管理的范围内找不到名称或编码为“{value}”的志愿服务队',
    en: 'No volunteer team named or coded "{value}" within your scope',
  },
  'import.teamAmbiguous': {
    'zh-CN': '您管理的范围内有 {count} 支名为“{value}”的志愿服务队：请改填服务队编码',
    en: '{count} volunteer teams named "{value}" are within your scope: give its code instead',
  },
  'import.memberUnknown': {
    'zh-CN': '找不到{field}为该号码的党员',
    en: 'No member is recorded with this {field}',
  },
  'import.memberNameMismatch': {
    'zh-CN': '该{field}登记的党员姓名为“{recorded}”，与“{value}”不符',
    en: 'The member with this {field} is recorded as "{recorded}", not "{value}"',
  },
});
