import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoUsers, worldId } from '@cpb/demo-world';
import { loadConfig, mintCallerToken, responseErrorCodes, type Actor, type GraphQLResponse } from '@cpb/kit';
import type { TrustedDocumentManifest } from '../scripts/lib/trusted-documents';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';
import { type Federation, startFederation } from '@cpb/kit/testing';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'trusted-documents.json'), 'utf8')) as TrustedDocumentManifest;
const streetsDocument = manifest.operations.find((o) => o.name === 'DashboardStreets')!;
const adHocQuery = '{ streets { id name } }';

/** Every kind of caller, scoped away from the demo users where scope could matter. */
const callers: Record<string, Actor | null> = {
  anonymous: null,
  member: demoUsers.member,
  'unit liaison': demoUsers['unit-liaison'],
  'secretary of another community': { role: 'COMMUNITY_SECRETARY', sub: 'other-secretary', orgId: worldId('org-community', 3) },
  'admin of the other street': { role: 'STREET_ADMIN', sub: 'other-street-admin', orgId: worldId('org-street', 1) },
  analyst: demoUsers.analyst,
  'district admin': demoUsers['district-admin'],
};

async function headersOf(actor: Actor | null): Promise<Record<string, string>> {
  return actor ? { authorization: `Bearer ${await mintCallerToken(actor)}` } : {};
}

/** Posts in English: the refusals' wording is asserted (test/messages-language.int.test.ts reads them in Chinese). */
async function post<T = { streets: { id: string; name: string }[] }>(
  url: string,
  body: unknown,
  actor: Actor | null,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(await headersOf(actor)) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

const byHash = (sha256Hash: string) => ({ operationName: 'DashboardStreets', extensions: { persistedQuery: { version: 1, sha256Hash } } });

describe('trusted documents, enforced (TRUSTED_DOCUMENTS=enforce)', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation({ gatewayEnv: { TRUSTED_DOCUMENTS: 'enforce' } });
  });
  afterAll(() => federation?.stop());

  it.each(Object.entries(callers))('answers a registered hash for %s', async (_who, actor) => {
    const result = await post(federation.gatewayUrl, byHash(streetsDocument.id), actor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.streets.map((s) => s.name)).toHaveLength(2);
  });

  it('runs the registered text sent as text, for a secretary too (its hash is registered)', async () => {
    const result = await post(federation.gatewayUrl, { query: streetsDocument.body }, callers['secretary of another community']);
    expect(result.errors).toBeUndefined();
    expect(result.data!.streets).toHaveLength(2);
  });

  const refused: [string, string][] = [
    ['anonymous', 'UNAUTHENTICATED'],
    ['member', 'FORBIDDEN'],
    ['unit liaison', 'FORBIDDEN'],
    ['secretary of another community', 'FORBIDDEN'],
    ['admin of the other street', 'FORBIDDEN'],
  ];
  it.each(refused)('refuses an unregistered query from %s (%s)', async (who, code) => {
    const result = await post(federation.gatewayUrl, { query: adHocQuery }, callers[who]);
    expect(responseErrorCodes(result)).toEqual([code]);
    expect(result.errors![0].message).toMatch(/registered operations .*DISTRICT_ADMIN, ANALYST/);
    expect(result.data ?? null).toBeNull();
  });

  it.each([
    ['anonymous', 401],
    ['member', 403],
  ] as const)('answers the refusal of %s with HTTP %i, not 500', async (who, status) => {
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await headersOf(callers[who])) },
      body: JSON.stringify({ query: adHocQuery }),
    });
    expect(response.status).toBe(status);
  });

  it.each(['analyst', 'district admin'])('runs an unregistered query for the ad-hoc role %s', async (who) => {
    const result = await post(federation.gatewayUrl, { query: adHocQuery }, callers[who]);
    expect(result.errors).toBeUndefined();
    expect(result.data!.streets).toHaveLength(2);
  });

  it('refuses a registered hash sent with other text: the text is what runs, and it is not registered', async () => {
    const result = await post(
      federation.gatewayUrl,
      { query: adHocQuery, ...byHash(streetsDocument.id) },
      callers['secretary of another community'],
    );
    expect(responseErrorCodes(result)).toEqual(['FORBIDDEN']);
  });

  it.each(Object.entries(callers))('answers an unknown hash with a clear error, for %s', async (_who, actor) => {
    const unknown = 'ab'.repeat(32);
    const result = await post(federation.gatewayUrl, byHash(unknown), actor);
    expect(responseErrorCodes(result)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(result.errors![0].message).toContain(`No trusted document has the hash ${unknown}`);
  });

  it('gives a browser no Apollo CDN landing page at a subgraph (the kit turns it off)', async () => {
    const response = await fetch(federation.subgraphs.organizations.url, { headers: { accept: 'text/html' } });
    const body = await response.text();
    expect(body).not.toMatch(/apollo-server-landing-page|embeddable-sandbox|cdn\.apollographql/i);
  });

  it('does not let a hash be registered by sending it with its text (no APQ registration)', async () => {
    const text = '{ streets { name } }';
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(text).digest('hex');
    await post(
      federation.gatewayUrl,
      { query: text, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      callers['district admin'],
    );
    const replay = await post(federation.gatewayUrl, byHash(hash), callers['district admin']);
    expect(responseErrorCodes(replay)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('trusted documents, other settings', () => {
  let federation: Federation;
  beforeAll(async () => {
    // The default outside production is `allow`; ad-hoc roles are configurable.
    federation = await startFederation({ gatewayEnv: { AD_HOC_ROLES: 'DISTRICT_ADMIN' } });
  });
  afterAll(() => federation?.stop());

  it('serves hashes and runs any query in allow mode (the development default)', async () => {
    expect((await post(federation.gatewayUrl, byHash(streetsDocument.id), callers.member)).data!.streets).toHaveLength(2);
    const adHoc = await post(federation.gatewayUrl, { query: adHocQuery }, callers['secretary of another community']);
    expect(adHoc.errors).toBeUndefined();
  });

  it('refuses a role left out of AD_HOC_ROLES once enforced', async () => {
    const gateway = await startGateway(
      loadConfig(gatewayEnvSchema, {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        HOST: '127.0.0.1',
        TRUSTED_DOCUMENTS: 'enforce',
        AD_HOC_ROLES: 'DISTRICT_ADMIN',
        ORGANIZATIONS_URL: federation.subgraphs.organizations.url,
      }),
    );
    try {
      expect(responseErrorCodes(await post(gateway.url, { query: adHocQuery }, callers.analyst))).toEqual(['FORBIDDEN']);
      expect((await post(gateway.url, { query: adHocQuery }, callers['district admin'])).errors).toBeUndefined();
    } finally {
      await gateway.stop();
    }
  });
});

describe('GraphiQL and introspection', () => {
  const secrets = {
    ORGANIZATIONS_SECRET: 'p'.repeat(32),
    MEMBERS_SECRET: 'q'.repeat(32),
    RESOURCES_SECRET: 'r'.repeat(32),
    ACTIVITIES_SECRET: 's'.repeat(32),
    JWT_SECRET: 't'.repeat(32),
  };
  const start = (env: Record<string, string>) =>
    startGateway(loadConfig(gatewayEnvSchema, { LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...env }));
  const page = async (url: string) => (await fetch(url, { headers: { accept: 'text/html' } })).text();

  it("serves a self-contained GraphiQL with a district administrator's token in development", async () => {
    const gateway = await start({ NODE_ENV: 'development' });
    try {
      const html = await page(gateway.url);
      expect(html).toContain('<title>社区党建 GraphQL</title>');
      // Every script and style is inline: no src or href leaves the page.
      expect(html).not.toMatch(/(src|href)=["']?https?:/);
      const token = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(html)![1];
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { role: string };
      expect(claims.role).toBe('DISTRICT_ADMIN');
    } finally {
      await gateway.stop();
    }
  });

  it('in production: a blank token, introspection for the ad-hoc roles only', async () => {
    const gateway = await start({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'allow', ...secrets });
    const as = async (actor: Actor | null) => {
      const headers: Record<string, string> = actor
        ? { authorization: `Bearer ${await mintCallerToken(actor, { secret: secrets.JWT_SECRET })}` }
        : {};
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      return (await response.json()) as GraphQLResponse<{ __schema: { queryType: { name: string } } }>;
    };
    try {
      const html = await page(gateway.url);
      expect(html).toContain('<title>社区党建 GraphQL</title>');
      expect(html).not.toMatch(/Bearer [\w-]+\.[\w-]+\./);
      expect((await as(callers.analyst)).data!.__schema.queryType.name).toBe('Query');
      expect((await as(callers['district admin'])).data!.__schema.queryType.name).toBe('Query');
      expect(responseErrorCodes(await as(callers['secretary of another community']))).toEqual(['FORBIDDEN']);
      expect(responseErrorCodes(await as(callers['admin of the other street']))).toEqual(['FORBIDDEN']);
      expect(responseErrorCodes(await as(callers.member))).toEqual(['FORBIDDEN']);
      expect(responseErrorCodes(await as(callers['unit liaison']))).toEqual(['FORBIDDEN']);
      expect(responseErrorCodes(await as(null))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await gateway.stop();
    }
  });
});

describe("the registered operations and the gateway's query limits", () => {
  it('keeps every trusted document within depth, alias, cost and token limits (else the dashboard could never run it)', async () => {
    const gateway = await startGateway(
      loadConfig(gatewayEnvSchema, { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }),
    );
    try {
      for (const operation of manifest.operations) {
        // Sent without variables (and no subgraph behind this gateway): only validation errors are refusals.
        const result = await post(gateway.url, { query: operation.body }, callers['district admin']);
        const refusals = (result.errors ?? []).filter(
          (e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || e.extensions?.code === 'GRAPHQL_PARSE_FAILED',
        );
        expect({ operation: operation.name, refusals }).toEqual({ operation: operation.name, refusals: [] });
      }
    } finally {
      await gateway.stop();
    }
  });
});
