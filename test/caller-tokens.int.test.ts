import { SignJWT } from 'jose';
import {
  ConfigError,
  devSecret,
  graphql,
  INTERNAL_IDENTITY_HEADER,
  loadConfig,
  mintCallerToken,
  secretOf,
  type RunningServer,
} from '@cpb/kit';
import { startTestSubgraph, type TestSubgraph } from '@cpb/kit/testing';
import { organizations } from '@cpb/organizations';
import { gatewayEnvSchema, startGateway } from '@cpb/gateway';

// Issue 11, item 7: production never runs on the public development key, and no token lives forever.
jest.setTimeout(60_000);

let subgraph: TestSubgraph;
let gateway: RunningServer;
const productionSecrets = {
  ORGANIZATIONS_SECRET: 'organizations-secret-for-this-test',
  MEMBERS_SECRET: 'members-secret-for-this-test-0001',
  RESOURCES_SECRET: 'resources-secret-for-this-test-01',
  ACTIVITIES_SECRET: 'activities-secret-for-this-test-1',
};
const gatewayEnv = (env: Record<string, string>) =>
  loadConfig(gatewayEnvSchema, { LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ORGANIZATIONS_URL: subgraph.url, ...env });
const admin = { role: 'DISTRICT_ADMIN', sub: 'admin' } as const;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizations, { seedDemo: false });
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  gateway = await startGateway(gatewayEnv({ NODE_ENV: 'test' }));
});
afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
});

/** Asks in English (the refusals' wording is asserted below); test/messages-language.int.test.ts reads them in Chinese. */
async function askWith(token: string): Promise<{ status: number; code?: string; message?: string }> {
  const headers = { 'content-type': 'application/json', 'accept-language': 'en', authorization: `Bearer ${token}` };
  const response = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: '{ streets { name } }' }) });
  const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
  return { status: response.status, code: body.errors?.[0].extensions.code, message: body.errors?.[0].message };
}

/** A caller token as a careless identity provider might sign it: with the gateway's (development) key, any lifetime. */
function callerToken(claims: { exp?: number; iat?: number }): Promise<string> {
  const jwt = new SignJWT({ role: 'DISTRICT_ADMIN' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('admin')
    .setIssuer('cpb-identity')
    .setAudience('cpb-gateway');
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(devSecret('jwt')));
}
const now = () => Math.floor(Date.now() / 1000);

describe('the caller-token key in production', () => {
  it('refuses to start without JWT_SECRET or JWKS_URL (the development key is public)', async () => {
    const start = startGateway(gatewayEnv({ NODE_ENV: 'production', ...productionSecrets }));
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/JWT_SECRET/);
  });

  it('starts with its own key, or with a JWKS URL', async () => {
    for (const key of [
      { JWT_SECRET: 'a-key-only-this-deployment-knows' },
      { JWKS_URL: 'https://identity.example.org/.well-known/jwks.json' },
    ] as Record<string, string>[]) {
      const started = await startGateway(gatewayEnv({ NODE_ENV: 'production', ...productionSecrets, ...key }));
      await started.stop();
    }
  });
});

describe('token lifetimes', () => {
  it('refuses a caller token without exp (it would never expire)', async () => {
    expect(await askWith(await callerToken({ iat: now() }))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/expir/),
    });
    expect(await askWith(await callerToken({}))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses a caller token living longer than JWT_MAX_LIFETIME_SECONDS (12 h by default)', async () => {
    expect(await askWith(await mintCallerToken(admin, { expiresIn: '30d' }))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/lifetime/),
    });
    // Without iat the lifetime left is what counts.
    expect(await askWith(await callerToken({ exp: now() + 13 * 3600 }))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    // iat in the past does not stretch it either.
    expect(await askWith(await callerToken({ iat: now() - 3600, exp: now() + 12 * 3600 }))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('accepts a token within the configured lifetime', async () => {
    expect(await askWith(await mintCallerToken(admin, { expiresIn: '8h' }))).toEqual({ status: 200 });
    expect(await askWith(await callerToken({ iat: now(), exp: now() + 12 * 3600 }))).toEqual({ status: 200 });
  });

  it('honours a shorter JWT_MAX_LIFETIME_SECONDS', async () => {
    const strict = await startGateway(gatewayEnv({ NODE_ENV: 'test', JWT_MAX_LIFETIME_SECONDS: '3600' }));
    try {
      const answer = await graphql(strict.url, '{ streets { name } }', undefined, {
        authorization: `Bearer ${await mintCallerToken(admin, { expiresIn: '2h' })}`,
      });
      expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await strict.stop();
    }
  });
});

describe('signed identity headers (gateway to subgraph)', () => {
  const identity = (claims: { exp?: number }) => {
    const jwt = new SignJWT({ act: { role: 'DISTRICT_ADMIN', sub: 'forever' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('cpb-internal')
      .setAudience('organizations')
      .setIssuedAt();
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(secretOf(subgraph.running.config, 'organizations')));
  };
  const direct = async (token: string) =>
    (await graphql(subgraph.url, '{ streets { name } }', undefined, { [INTERNAL_IDENTITY_HEADER]: token })).errors?.[0].extensions?.code;

  it('refuses an identity without exp, or valid for longer than a few minutes, even when correctly signed', async () => {
    expect(await direct(await identity({}))).toBe('UNAUTHENTICATED');
    expect(await direct(await identity({ exp: now() + 24 * 3600 }))).toBe('UNAUTHENTICATED');
    expect(await direct(await identity({ exp: now() + 60 }))).toBeUndefined();
  });
});
