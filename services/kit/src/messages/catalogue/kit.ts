import { defineMessages } from '../define';

/** What the kit itself refuses: sign-in and roles, input hygiene, pages and cursors, peers, records, the unexpected. */
export const kitMessages = defineMessages({
  'auth.signInFirst': { 'zh-CN': '请先登录：此操作需要已登录的用户', en: 'Sign in first: this needs an authenticated user' },
  'auth.roleMayNot': { 'zh-CN': '{role:role}无权执行此操作', en: 'A {role:role} may not do this' },
  'auth.mayNot': { 'zh-CN': '您无权执行此操作', en: 'You may not do this' },
  'auth.gatewayOnly': { 'zh-CN': '本服务只接受经由网关的请求', en: 'This service answers only through the gateway' },
  'auth.identityRefused': {
    'zh-CN': '本服务只接受经由网关的请求：身份签名缺失、伪造或已过期',
    en: 'This service answers only through the gateway: the identity signature is missing, forged or expired',
  },

  'input.date': {
    'zh-CN': '{field} 须为 YYYY-MM-DD 格式的真实日期，年份在 {min} 至 {max} 之间',
    en: '{field} must be a date written YYYY-MM-DD, between {min} and {max}',
  },
  'input.dateTime': {
    'zh-CN': '{field} 须为带时区的 ISO 8601 日期时间，年份在 {min} 至 {max} 之间，例如 2026-05-01T09:00:00+08:00',
    en: '{field} must be an ISO 8601 date-time with a zone between {min} and {max}, e.g. 2026-05-01T09:00:00+08:00',
  },
  'input.year': { 'zh-CN': '{field} 须为 {min} 至 {max} 之间的年份', en: '{field} must be a year between {min} and {max}' },
  'input.length': { 'zh-CN': '{field} 须为 1 至 {max} 个字符', en: '{field} must be 1 to {max} characters' },
  'input.tooLong': { 'zh-CN': '{field} 最多 {max} 个字符', en: '{field} must be at most {max} characters' },
  'input.id': { 'zh-CN': '{field} 不是有效的 ID', en: '{field} is not a valid id' },
  'input.atLeastOne': { 'zh-CN': '{field} 至少为 1', en: '{field} must be at least 1' },
  'input.notUnicode': { 'zh-CN': '{field} 不是有效的 Unicode 文本', en: '{field} is not valid Unicode text' },
  'input.oneLine': { 'zh-CN': '{field} 只能填写一行', en: '{field} must be on one line' },
  'input.controlCharacter': {
    'zh-CN': '{field} 不能包含控制字符（{character}）',
    en: '{field} must not contain control characters ({character})',
  },
  'input.directionControl': {
    'zh-CN': '{field} 不能包含文字方向控制符（{character}）',
    en: '{field} must not contain text-direction controls ({character})',
  },
  'input.invisible': { 'zh-CN': '{field} 没有可见的字符', en: '{field} has no visible characters' },

  'page.first': { 'zh-CN': '{field}（每页条数）须在 1 至 {max} 之间', en: '{field} must be between 1 and {max}' },
  'page.foreignCursor': { 'zh-CN': '{field} 不是本列表返回的游标', en: '{field} is not a cursor this list returned' },

  'record.notFound': { 'zh-CN': '{entity:entity} {id} 不存在', en: '{entity:entity} {id} does not exist' },
  'record.conflict': { 'zh-CN': '与已有记录冲突', en: 'This conflicts with an existing record' },
  'record.overlap': { 'zh-CN': '与已有记录重叠', en: 'This overlaps an existing record' },
  'record.referenceMissing': { 'zh-CN': '引用的记录不存在', en: 'A referenced record does not exist' },
  'record.ruleBroken': { 'zh-CN': '有值不符合规则', en: 'A value breaks a rule' },
  'record.concurrentChange': { 'zh-CN': '有并发修改与此冲突，请重试', en: 'A concurrent change interfered; try again' },

  'idempotency.badKey': {
    'zh-CN': 'Idempotency-Key 须为 1 至 {max} 个可见 ASCII 字符（例如 UUID），且只能有一个',
    en: 'Idempotency-Key must be one value of 1 to {max} visible ASCII characters (a UUID, for example)',
  },
  'idempotency.reused': {
    'zh-CN': '此 Idempotency-Key 已用于另一项操作（操作、参数或用户不同），请为新的操作使用新的键',
    en: 'This Idempotency-Key was used for another change (a different operation, arguments or user); use a new key for a new change',
  },

  'service.unavailable': {
    'zh-CN': '{service:service}服务未响应，未做任何更改，请重试',
    en: 'The {service:service} service did not answer; nothing was changed, please try again',
  },
  'service.databaseUnavailable': {
    'zh-CN': '本服务的数据库暂时无法访问，请稍后重试；重试变更时请使用同一 Idempotency-Key，以免重复',
    en: "This service's database could not be reached; please try again, a change with the same Idempotency-Key so it happens once",
  },
  'service.internal': { 'zh-CN': '服务器内部错误', en: 'Internal server error' },

  'request.bodyTooLarge': {
    'zh-CN': '请求体超过本服务器接受的 {maximum} 字节',
    en: 'The request body is larger than the {maximum} bytes this server accepts',
  },
  'request.notJsonObject': { 'zh-CN': '请求体不是 JSON 对象', en: 'The request body is not a JSON object' },
  'request.charset': { 'zh-CN': '请以 UTF-8 编码的 JSON 发送请求体', en: 'Send the request body as JSON in UTF-8' },
  'request.encoding': {
    'zh-CN': '请求体的压缩编码本服务器无法读取（可读取 gzip、deflate 和 br）',
    en: 'The request body is compressed in an encoding this server does not read (gzip, deflate and br are read)',
  },
  'request.notDecompressed': { 'zh-CN': '请求体无法解压', en: 'The request body could not be decompressed' },
  'request.unreadable': { 'zh-CN': '无法读取该请求', en: 'The request could not be read' },
  'request.notJson': { 'zh-CN': '请以 application/json 格式发送 GraphQL 请求', en: 'Send GraphQL requests as application/json' },
  'request.noSuchPath': {
    'zh-CN': '此路径下没有内容；GraphQL 的地址是 /graphql',
    en: 'Nothing is served at this path; GraphQL answers at /graphql',
  },
});
