import { gzipSync } from 'node:zlib';
import { loadConfig, secretOf, type RunningServer } from '@cpb/kit';
import { startTestSubgraph, type TestSubgraph } from '@cpb/kit/testing';
import { organizations } from '@cpb/organizations';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';

// Issue 11, item 12: refusals of whole requests carry one stable code each, as JSON, in every mode:
// query limits answer 400 QUERY_LIMIT_EXCEEDED with the estimated figure; malformed, over-size or
// undecodable bodies answer a GraphQL error (BAD_REQUEST, PAYLOAD_TOO_LARGE), never an HTML page.
jest.setTimeout(60_000);

let subgraph: TestSubgraph;
const gateways: Record<string, RunningServer> = {};
const modes = ['development', 'production'] as const;

beforeAll(async () => {
  // Production refuses development secrets, so the subgraph gets its own.
  subgraph = await startTestSubgraph(organizations, {
    seedDemo: false,
    env: { ORGANIZATIONS_SECRET: 'organizations-secret-for-this-test' },
  });
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  for (const mode of modes) {
    gateways[mode] = await startGateway(
      loadConfig(gatewayEnvSchema, {
        NODE_ENV: mode,
        LOG_LEVEL: 'silent',
        PORT: '0',
        HOST: '127.0.0.1',
        ORGANIZATIONS_URL: subgraph.url,
        ORGANIZATIONS_SECRET: secretOf(subgraph.running.config, 'organizations'),
        MEMBERS_SECRET: 'members-secret-for-this-test-0001',
        RESOURCES_SECRET: 'resources-secret-for-this-test-01',
        ACTIVITIES_SECRET: 'activities-secret-for-this-test-1',
        JWT_SECRET: 'caller-token-key-for-this-test-01',
        // The limits are the subject here; production's trusted-document enforcement is tested in trusted-documents.int.
        TRUSTED_DOCUMENTS: 'allow',
      }),
    );
  }
});
afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway.stop();
  await subgraph?.stop();
});

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  body?: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };
}

async function send(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, body: parsed };
}

/** Whether an answer leaks what a caller must never see: a stack, an absolute path, an HTML page. */
function leaks(answer: Answer): boolean {
  return /<html|<pre>|\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+/i.test(answer.text);
}

describe.each(modes)('query limits, %s mode', (mode) => {
  const ask = (query: string) => send(gateways[mode].url, JSON.stringify({ query }));
  const refused = (answer: Answer, limit: string) => {
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit });
    expect(answer.body?.errors?.[0].message).not.toMatch(/Syntax Error/);
    return answer.body!.errors![0].extensions as { maximum: number; estimated: number };
  };

  it('refuses an over-deep query with its depth', async () => {
    const deep =
      '{ streets { communities { partyOrganization { children { children { children { children { children { children { children { name } } } } } } } } } } }';
    expect(refused(await ask(deep), 'depth')).toMatchObject({ maximum: 10, estimated: 11 });
  });

  it('refuses too many aliases with their number', async () => {
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: streets { name }`).join(' ')} }`;
    expect(refused(await ask(aliases), 'aliases')).toMatchObject({ maximum: 15, estimated: 20 });
  });

  it('refuses an over-costly query (100 communities × 30 units × 30 × 30 organisations) with its estimated amount of data', async () => {
    const costly =
      '{ communities(first: 100) { edges { node { residentUnits { partyOrganization { children { children { name } } } } partyOrganization { children { children { children { name } } } } } } } }';
    const figures = refused(await ask(costly), 'cost');
    expect(figures.maximum).toBe(50_000);
    expect(figures.estimated).toBeGreaterThan(50_000);
  });

  it('refuses too many tokens with 400 (was 500) and the token count', async () => {
    const many = `{ ${Array.from({ length: 700 }, () => 'streets { name }').join(' ')} }`;
    expect(refused(await ask(many), 'tokens')).toMatchObject({ maximum: 2000, estimated: 2802 });
  });

  it('refuses too many directives', async () => {
    const directives = `{ streets { name ${Array.from({ length: 25 }, () => '@include(if: true)').join(' ')} } }`;
    expect(refused(await ask(directives), 'directives')).toMatchObject({ maximum: 20, estimated: 25 });
  });

  it('still answers a query within the limits', async () => {
    const answer = await ask('{ streets { name } }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { streets: [] } });
  });
});

describe.each(modes)('malformed and over-size bodies, %s mode', (mode) => {
  const cases: [string, string | Buffer, Record<string, string>, number, string][] = [
    ['malformed JSON', '{"query": "{ streets { name } ', { 'content-type': 'application/json' }, 400, 'BAD_REQUEST'],
    ['JSON that is not an object', '"just a string"', { 'content-type': 'application/json' }, 400, 'BAD_REQUEST'],
    [
      'an over-size body',
      JSON.stringify({ query: '{ streets { name } }', padding: 'x'.repeat(300_000) }),
      { 'content-type': 'application/json' },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'an unsupported charset',
      JSON.stringify({ query: '{ streets { name } }' }),
      { 'content-type': 'application/json; charset=latin1' },
      415,
      'BAD_REQUEST',
    ],
    [
      'a body that is not the gzip it claims',
      JSON.stringify({ query: '{ streets { name } }' }),
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      400,
      'BAD_REQUEST',
    ],
    [
      'an over-size body once unzipped',
      gzipSync(JSON.stringify({ query: '{ streets { name } }', padding: 'x'.repeat(500_000) })),
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['a GraphQL body sent as application/graphql', '{ streets { name } }', { 'content-type': 'application/graphql' }, 415, 'BAD_REQUEST'],
  ];

  it.each(cases)('answers %s with a JSON GraphQL error, a stable code and no stack or path', async (_, body, headers, status, code) => {
    for (const url of [gateways[mode].url, subgraph.url]) {
      const answer = await send(url, body, headers);
      expect({ url, status: answer.status, type: answer.contentType, code: answer.body?.errors?.[0].extensions?.code }).toEqual({
        url,
        status,
        type: expect.stringMatching(/^application\/json/),
        code,
      });
      expect(leaks(answer)).toBe(false);
    }
  });

  it('answers an unknown path with a JSON 404, not an HTML page', async () => {
    const answer = await send(gateways[mode].url.replace('/graphql', '/wp-login.php'), '{}');
    expect({ status: answer.status, type: answer.contentType, code: answer.body?.errors?.[0].extensions?.code }).toEqual({
      status: 404,
      type: expect.stringMatching(/^application\/json/),
      code: 'NOT_FOUND',
    });
    expect(leaks(answer)).toBe(false);
  });
});
