import { randomUUID } from 'node:crypto';
import { loadConfig, mintCallerToken, type RunningServer } from '@cpb/kit';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { person } from '@cpb/demo-world/testing';

/**
 * One request of each kind of refusal the kit and the gateway word, through the gateway (or, for the
 * gateway-only rule, straight at a subgraph), read in Chinese when the request asks for no language and
 * in English with `Accept-Language: en`; `extensions` keeps its code and field and adds the message key
 * and parameters. Issue 23's phase 2 adds the services' own refusals here as it converts them.
 */

interface Answer {
  status: number;
  language: string | null;
  error?: { message: string; extensions?: Record<string, unknown> };
}

interface Expected {
  status: number;
  extensions: Record<string, unknown>;
  zh: string;
  en: string;
}

type Ask = (headers: Record<string, string>) => Promise<Answer>;

let federation: Federation;
let enforcing: RunningServer;
let admin: string;
let member: string;
let expired: string;

async function send(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<Answer> {
  const response = await fetch(url, init);
  const body = (await response.json()) as { errors?: Answer['error'][] };
  const first = body.errors?.[0];
  return {
    status: response.status,
    language: response.headers.get('content-language'),
    error: first && { message: first.message, extensions: first.extensions },
  };
}

const post =
  (url: () => string, body: unknown, token?: () => string | undefined, contentType = 'application/json'): Ask =>
  (headers) => {
    const authorization = token?.();
    return send(url(), {
      method: 'POST',
      headers: { 'content-type': contentType, ...(authorization ? { authorization } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
const gateway = () => federation.gatewayUrl;
const asAdmin = () => `Bearer ${admin}`;
const asMember = () => `Bearer ${member}`;

const createStreet = (name: string) => ({
  query: 'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }',
  variables: { input: { name, district: '测试区' } },
});
const dissolve = (id: string) => ({ query: 'mutation($id: ID!) { dissolveOrganization(id: $id) { id } }', variables: { id } });
const communities = (variables: Record<string, unknown>) => ({
  query: 'query($first: Int, $after: String) { communities(first: $first, after: $after) { edges { node { id } } } }',
  variables,
});
const deep =
  '{ streets { communities { partyOrganization { children { children { children { children { children { children { children { name } } } } } } } } } } }';
const missingId = randomUUID();

const cases: [string, Ask, Expected | ((answer: Answer) => Expected)][] = [
  [
    'a line break in a one-line argument (kit input hygiene, in the subgraph)',
    post(gateway, createStreet('第一行\n第二行'), asAdmin),
    {
      status: 200,
      extensions: { code: 'BAD_USER_INPUT', field: 'name', messageKey: 'input.oneLine', messageParams: { field: 'name' } },
      zh: 'name 只能填写一行',
      en: 'name must be on one line',
    },
  ],
  [
    'an id that is not a UUID',
    post(gateway, dissolve('nope'), asAdmin),
    {
      status: 200,
      extensions: { code: 'BAD_USER_INPUT', field: 'id', messageKey: 'input.id', messageParams: { field: 'id' } },
      zh: 'id 不是有效的 ID',
      en: 'id is not a valid id',
    },
  ],
  [
    'a page larger than 100',
    post(gateway, communities({ first: 500 }), asAdmin),
    {
      status: 200,
      extensions: { code: 'BAD_USER_INPUT', field: 'first', messageKey: 'page.first', messageParams: { field: 'first', max: 100 } },
      zh: 'first（每页条数）须在 1 至 100 之间',
      en: 'first must be between 1 and 100',
    },
  ],
  [
    'a cursor another list returned',
    post(gateway, communities({ first: 1, after: 'WyJ4Il0.AAAAAAAAAAAAAAAAAAAAAA' }), asAdmin),
    {
      status: 200,
      extensions: { code: 'BAD_USER_INPUT', field: 'after', messageKey: 'page.foreignCursor', messageParams: { field: 'after' } },
      zh: 'after 不是本列表返回的游标',
      en: 'after is not a cursor this list returned',
    },
  ],
  [
    'a record that does not exist',
    post(gateway, dissolve(missingId), asAdmin),
    {
      status: 200,
      extensions: {
        code: 'NOT_FOUND',
        field: 'id',
        messageKey: 'record.notFound',
        messageParams: { entity: 'Organization', id: missingId },
      },
      zh: `党组织 ${missingId} 不存在`,
      en: `Organization ${missingId} does not exist`,
    },
  ],
  [
    'a change asked anonymously',
    post(gateway, createStreet('新街道')),
    {
      status: 200,
      extensions: { code: 'UNAUTHENTICATED', messageKey: 'auth.signInFirst', messageParams: {} },
      zh: '请先登录：此操作需要已登录的用户',
      en: 'Sign in first: this needs an authenticated user',
    },
  ],
  [
    'a change the role may not make',
    post(gateway, createStreet('新街道'), asMember),
    {
      status: 200,
      extensions: { code: 'FORBIDDEN', messageKey: 'auth.roleMayNot', messageParams: { role: 'MEMBER' } },
      zh: '党员无权执行此操作',
      en: 'A member may not do this',
    },
  ],
  [
    'an Authorization header that is not a bearer token',
    post(gateway, { query: '{ streets { name } }' }, () => 'Basic YWxpY2U6c2VjcmV0'),
    {
      status: 401,
      extensions: { code: 'UNAUTHENTICATED', messageKey: 'token.bearer', messageParams: {} },
      zh: 'Authorization 请求头须为“Bearer <令牌>”',
      en: 'Authorization must be "Bearer <token>"',
    },
  ],
  [
    'an expired token',
    post(gateway, { query: '{ streets { name } }' }, () => `Bearer ${expired}`),
    {
      status: 401,
      extensions: { code: 'UNAUTHENTICATED', messageKey: 'token.expired', messageParams: {} },
      zh: '登录令牌已过期，请重新登录',
      en: 'The token has expired',
    },
  ],
  [
    'a query nested deeper than the limit',
    post(gateway, { query: deep }, asAdmin),
    (answer) => {
      const estimated = answer.error?.extensions?.estimated as number;
      return {
        status: 400,
        extensions: {
          code: 'QUERY_LIMIT_EXCEEDED',
          limit: 'depth',
          maximum: 10,
          estimated: expect.any(Number),
          messageKey: 'query.depth',
          messageParams: { maximum: 10, estimated },
        },
        zh: `操作嵌套 ${estimated} 层（depth），上限为 10 层`,
        en: `The operation is nested ${estimated} (depth); the limit is 10`,
      };
    },
  ],
  [
    'a POST that is not JSON',
    post(gateway, 'query=%7B%7D', undefined, 'application/x-www-form-urlencoded'),
    {
      status: 415,
      extensions: { code: 'BAD_REQUEST', messageKey: 'request.notJson', messageParams: {} },
      zh: '请以 application/json 格式发送 GraphQL 请求',
      en: 'Send GraphQL requests as application/json',
    },
  ],
  [
    'a body over the gateway limit',
    post(gateway, { query: `{ streets { name } } # ${'x'.repeat(110_000)}` }),
    {
      status: 413,
      extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: 102_400, messageKey: 'request.bodyTooLarge', messageParams: { maximum: 102_400 } },
      zh: '请求体超过本服务器接受的 102400 字节',
      en: 'The request body is larger than the 102400 bytes this server accepts',
    },
  ],
  [
    'a path nothing is served at',
    (headers) => send(gateway().replace('/graphql', '/nothing-here'), { headers }),
    {
      status: 404,
      extensions: { code: 'NOT_FOUND', messageKey: 'request.noSuchPath', messageParams: {} },
      zh: '此路径下没有内容；GraphQL 的地址是 /graphql',
      en: 'Nothing is served at this path; GraphQL answers at /graphql',
    },
  ],
  [
    'an unregistered operation where trusted documents are enforced',
    post(() => enforcing.url, { query: '{ streets { name } }' }, asMember),
    {
      status: 403,
      extensions: {
        code: 'FORBIDDEN',
        messageKey: 'documents.unregisteredRole',
        messageParams: { role: 'MEMBER', allowed: 'DISTRICT_ADMIN, ANALYST' },
      },
      zh: '本网关对大多数调用方只执行已登记的操作（schemas/operations/ 下的可信文档）；党员不能执行其他操作，需要以下角色之一：DISTRICT_ADMIN, ANALYST',
      en: 'This gateway runs only the registered operations (trusted documents under schemas/operations/) for most callers; a member may not: that needs one of DISTRICT_ADMIN, ANALYST',
    },
  ],
  [
    'a trusted-document hash the gateway does not know',
    post(() => enforcing.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }, asMember),
    {
      status: 200,
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', messageKey: 'documents.unknownHash', messageParams: { hash: 'ab'.repeat(32) } },
      zh: `没有哈希为 ${'ab'.repeat(32)} 的可信文档：客户端所用的操作与本网关提供的不同（schemas/trusted-documents.json）。请刷新页面，或部署与客户端一同构建的清单。`,
      en: `No trusted document has the hash ${'ab'.repeat(32)}: the client was built from other operations than this gateway serves (schemas/trusted-documents.json). Reload the page or deploy the manifest built with the client.`,
    },
  ],
  [
    'a subgraph called around the gateway',
    post(() => federation.subgraphs.members.url, { query: '{ members(first: 1) { totalCount } }' }),
    {
      status: 401,
      extensions: { code: 'UNAUTHENTICATED', messageKey: 'auth.gatewayOnly', messageParams: {} },
      zh: '本服务只接受经由网关的请求',
      en: 'This service answers only through the gateway',
    },
  ],
];

beforeAll(async () => {
  federation = await startFederation({ seedDemo: false });
  const subgraphUrls = Object.fromEntries(Object.entries(federation.subgraphs).map(([name, s]) => [`${name.toUpperCase()}_URL`, s.url]));
  enforcing = await startGateway(
    loadConfig(gatewayEnvSchema, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      TRUSTED_DOCUMENTS: 'enforce',
      ...subgraphUrls,
    }),
  );
  admin = await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'language-admin' });
  member = await mintCallerToken({ role: 'MEMBER', sub: 'language-member', memberId: randomUUID() });
  expired = await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'old' }, { expiresIn: '-1m' });
});
afterAll(async () => {
  await enforcing?.stop();
  await federation?.stop();
});

const expectedFor = async (ask: Ask, expected: Cases[number][2], headers: Record<string, string>) => {
  const answer = await ask(headers);
  return { answer, expected: typeof expected === 'function' ? expected(answer) : expected };
};
type Cases = typeof cases;

describe.each(cases)('%s', (_name, ask, expectation) => {
  it('reads in Chinese when the request asks for no language', async () => {
    const { answer, expected } = await expectedFor(ask, expectation, {});
    expect(answer).toEqual({
      status: expected.status,
      language: 'zh-CN',
      error: { message: expected.zh, extensions: expected.extensions },
    });
  });

  it('reads in English with Accept-Language: en (same code, field, key and parameters)', async () => {
    const { answer, expected } = await expectedFor(ask, expectation, { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' });
    expect(answer).toEqual({ status: expected.status, language: 'en', error: { message: expected.en, extensions: expected.extensions } });
  });
});

describe("the caller's own language (the token's locale claim)", () => {
  const forbidden = (locale: string | undefined, headers: Record<string, string>) => async () => {
    const token = await mintCallerToken({ role: 'MEMBER', sub: 'english-member' }, { locale });
    return post(gateway, createStreet('新街道'), () => `Bearer ${token}`)(headers);
  };

  it('is used when the request asks for no language, down to the subgraph that refuses', async () => {
    expect(await forbidden('en-GB', {})()).toMatchObject({ language: 'en', error: { message: 'A member may not do this' } });
  });

  it('gives way to what the request asks for', async () => {
    expect(await forbidden('en', { 'accept-language': 'zh-CN' })()).toMatchObject({
      language: 'zh-CN',
      error: { message: '党员无权执行此操作' },
    });
  });

  it('is ignored when it names a language we do not write', async () => {
    expect(await forbidden('fr-FR', {})()).toMatchObject({ language: 'zh-CN', error: { message: '党员无权执行此操作' } });
  });
});

describe('a service that does not answer (run last: it stops the organizations subgraph)', () => {
  beforeAll(async () => {
    const stop = federation.subgraphs.organizations.stop.bind(federation.subgraphs.organizations);
    let stopped: Promise<void> | undefined;
    federation.subgraphs.organizations.stop = () => (stopped ??= stop());
    await federation.subgraphs.organizations.stop();
  });

  const createMember = post(
    gateway,
    {
      query: 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
      variables: { input: { ...person(), joinedOn: '2015-07-01', organizationId: randomUUID() } },
    },
    asAdmin,
  );

  it.each([
    [{}, 'zh-CN', '组织服务未响应，未做任何更改，请重试'],
    [{ 'accept-language': 'en' }, 'en', 'The organizations service did not answer; nothing was changed, please try again'],
  ])('refuses a change that needs it with UNAVAILABLE, naming it (%p)', async (headers, language, message) => {
    expect(await createMember(headers)).toEqual({
      status: 200,
      language,
      error: {
        message,
        extensions: { code: 'UNAVAILABLE', messageKey: 'service.unavailable', messageParams: { service: 'organizations' } },
      },
    });
  });

  it.each([
    [{}, 'zh-CN', '组织服务未响应，未做任何更改，请重试'],
    [{ 'accept-language': 'en' }, 'en', 'The organizations service did not answer; nothing was changed, please try again'],
  ])('answers the failed fetch of its fields with UNAVAILABLE, naming it (%p)', async (headers, language, message) => {
    const answer = await post(gateway, { query: '{ streets { name } }' }, asAdmin)(headers);
    expect(answer).toMatchObject({
      language,
      error: {
        message,
        extensions: { code: 'UNAVAILABLE', messageKey: 'service.unavailable', messageParams: { service: 'organizations' } },
      },
    });
  });
});
