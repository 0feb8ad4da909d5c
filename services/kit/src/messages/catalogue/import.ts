import { defineMessages } from '../define';

/** Bulk import and export of spreadsheets (issue 18): refused files, per-row findings, report columns. */
export const importMessages = defineMessages({
  'import.emptyFile': {
    'zh-CN': '文件为空：请上传填写好的 .xlsx 或 .csv 文件',
    en: 'The file is empty: upload a filled-in .xlsx or .csv file',
  },
  'import.notASpreadsheet': {
    'zh-CN': '该文件不是电子表格：请上传 .xlsx 工作簿或 .csv 文件',
    en: 'The file is not a spreadsheet: upload an .xlsx workbook or a .csv file',
  },
  'import.encryptedWorkbook': {
    'zh-CN': '该工作簿设有密码或为旧版 .xls 格式：请取消密码并另存为 .xlsx 后再上传',
    en: 'The workbook is password-protected or an old .xls: remove the password and save it as .xlsx',
  },
  'import.macroWorkbook': {
    'zh-CN': '该工作簿含有宏（.xlsm）：请另存为不含宏的 .xlsx 后再上传',
    en: 'The workbook contains macros (.xlsm): save it as an .xlsx without macros',
  },
  'import.zipBomb': {
    'zh-CN': '该工作簿解压后超过 {maximum} 字节或压缩比异常，已拒绝',
    en: 'The workbook unpacks to more than {maximum} bytes or has an abnormal compression ratio: refused',
  },
  'import.tooLarge': {
    'zh-CN': '文件超过 {maximum} 字节的上限：请拆分后分批导入',
    en: 'The file is larger than {maximum} bytes: split it and import the parts',
  },
  'import.tooManyRows': {
    'zh-CN': '文件有 {rows} 行数据，超过每次导入 {maximum} 行的上限',
    en: 'The file has {rows} data rows, more than the {maximum} one import takes',
  },
  'import.noRows': {
    'zh-CN': '工作表中没有数据行：请在表头（及填写说明行）下方填写',
    en: 'The sheet has no data rows: fill them in below the headers (and the explanation row)',
  },
  'import.wrongHeaders': {
    'zh-CN': '表头与模板不符，缺少列：{missing}。请使用下载的模板',
    en: 'The headers do not match the template; missing columns: {missing}. Use the downloaded template',
  },
  'import.duplicateHeader': { 'zh-CN': '表头“{header}”出现了不止一次', en: 'The header "{header}" appears more than once' },
  'import.unknownKind': { 'zh-CN': '没有名为 {kind} 的导入类型', en: 'There is no import of kind {kind}' },
  'import.formula': {
    'zh-CN': '单元格含有公式，导入时不计算公式：请填写数值',
    en: 'The cell holds a formula, which imports never evaluate: type the value',
  },
  'import.required': { 'zh-CN': '{field} 为必填项', en: '{field} is required' },
  'import.notInList': { 'zh-CN': '{field} 须为以下之一：{allowed}', en: '{field} must be one of: {allowed}' },
  'import.date': { 'zh-CN': '{field} 不是有效日期：请写作 YYYY-MM-DD', en: '{field} is not a date: write it YYYY-MM-DD' },
  'import.idNumberAsNumber': {
    'zh-CN': '{field} 被保存成了数字，后几位已丢失：请将该列设为文本格式后重新填写',
    en: '{field} was stored as a number and lost its last digits: format the column as text and type it again',
  },
  'import.duplicateInFile': { 'zh-CN': '{field} 与第 {row} 行重复', en: '{field} repeats row {row}' },
  'import.duplicateInDatabase': { 'zh-CN': '已有使用该{field}的党员记录', en: 'A member with this {field} is already recorded' },
  'import.organizationUnknown': {
    'zh-CN': '在您管理的范围内找不到名称或编码为“{value}”的党组织',
    en: 'No Party organisation named or coded "{value}" within the organisations you manage',
  },
  'import.organizationAmbiguous': {
    'zh-CN': '您管理的范围内有 {count} 个名为“{value}”的党组织：请改填组织编码',
    en: '{count} Party organisations named "{value}" are within your scope: give its code instead',
  },
  'import.organizationInactive': {
    'zh-CN': '党组织“{value}”已撤销或正在撤销，不能接收党员',
    en: 'The Party organisation "{value}" is dissolved or being dissolved and receives no members',
  },
  'import.convertedBeforeProbationEnds': {
    'zh-CN': '{field}（{value}）早于预备期满之日（{date}）',
    en: '{field} {value} is before the end of probation ({date})',
  },
  'import.listTooLong': { 'zh-CN': '{field} 最多 {max} 项', en: '{field} holds at most {max} items' },
  'import.alreadyRunning': {
    'zh-CN': '同一文件正在或已经导入，请稍后查看结果',
    en: 'The same file is being or has been imported; look at the result shortly',
  },
  'import.errorColumn': { 'zh-CN': '错误说明', en: 'Errors' },
  'import.explanationPrefix': { 'zh-CN': '【填写说明】', en: '[How to fill in] ' },
});
