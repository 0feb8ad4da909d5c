import { defineMessages } from '../define';

/** What the gateway refuses: caller tokens, query limits, trusted documents. */
export const gatewayMessages = defineMessages({
  'token.bearer': { 'zh-CN': 'Authorization 请求头须为“Bearer <令牌>”', en: 'Authorization must be "Bearer <token>"' },
  'token.expired': { 'zh-CN': '登录令牌已过期，请重新登录', en: 'The token has expired' },
  'token.noExpiry': { 'zh-CN': '登录令牌没有有效期（exp）；令牌必须会过期', en: 'The token carries no expiry (exp); tokens must expire' },
  'token.invalid': { 'zh-CN': '登录令牌无效', en: 'The token is not valid' },
  'token.tooLong': {
    'zh-CN': '登录令牌的有效期（{lifetime:duration}）超过本网关接受的 {maximum:duration}',
    en: "The token's lifetime ({lifetime:duration}) is longer than the {maximum:duration} this gateway accepts",
  },
  'token.noRole': { 'zh-CN': '登录令牌未注明已知的角色', en: 'The token names no known role' },

  'query.depth': {
    'zh-CN': '操作嵌套 {estimated} 层（depth），上限为 {maximum} 层',
    en: 'The operation is nested {estimated} (depth); the limit is {maximum}',
  },
  'query.aliases': {
    'zh-CN': '操作使用了 {estimated} 个别名（aliases），上限为 {maximum} 个',
    en: 'The operation has {estimated} aliases (aliases); the limit is {maximum}',
  },
  'query.directives': {
    'zh-CN': '操作使用了 {estimated} 个指令（directives），上限为 {maximum} 个',
    en: 'The operation has {estimated} directives (directives); the limit is {maximum}',
  },
  'query.cost': {
    'zh-CN': '操作的估算成本为 {estimated}（cost），上限为 {maximum}',
    en: 'The operation costs {estimated} (cost); the limit is {maximum}',
  },
  'query.tokens': {
    'zh-CN': '操作包含 {estimated} 个词法单元（tokens），上限为 {maximum} 个',
    en: 'The operation has {estimated} tokens (tokens); the limit is {maximum}',
  },

  'documents.unknownHash': {
    'zh-CN':
      '没有哈希为 {hash} 的可信文档：客户端所用的操作与本网关提供的不同（schemas/trusted-documents.json）。请刷新页面，或部署与客户端一同构建的清单。',
    en: 'No trusted document has the hash {hash}: the client was built from other operations than this gateway serves (schemas/trusted-documents.json). Reload the page or deploy the manifest built with the client.',
  },
  'documents.unregisteredSignIn': {
    'zh-CN': '本网关对大多数调用方只执行已登记的操作（schemas/operations/ 下的可信文档）；请以允许临时查询的角色登录（{allowed}）',
    en: 'This gateway runs only the registered operations (trusted documents under schemas/operations/) for most callers; sign in with a role allowed ad-hoc queries ({allowed})',
  },
  'documents.unregisteredRole': {
    'zh-CN':
      '本网关对大多数调用方只执行已登记的操作（schemas/operations/ 下的可信文档）；{role:role}不能执行其他操作，需要以下角色之一：{allowed}',
    en: 'This gateway runs only the registered operations (trusted documents under schemas/operations/) for most callers; a {role:role} may not: that needs one of {allowed}',
  },
  'documents.introspectionSignIn': {
    'zh-CN': '生产环境中只有允许临时查询的角色可以内省；请以这些角色之一登录（{allowed}）',
    en: 'Introspection is for ad-hoc roles in production; sign in with a role allowed ad-hoc queries ({allowed})',
  },
  'documents.introspectionRole': {
    'zh-CN': '生产环境中只有允许临时查询的角色可以内省；{role:role}不能内省，需要以下角色之一：{allowed}',
    en: 'Introspection is for ad-hoc roles in production; a {role:role} may not: that needs one of {allowed}',
  },
});
