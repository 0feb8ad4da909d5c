/**
 * The gateway verifies a caller's token once and reuses the result until the token expires: an expired
 * token is refused even after it was accepted, a forged one never reaches the cache, and the cache is
 * bounded (least recently used go first).
 */
import { SignJWT } from 'jose';
import { loadConfig, type Caller } from '@cpb/kit/core';
import { callerAuthenticator } from '../src/auth';
import { gatewayEnvSchema } from '../src/config';
import { VerifiedTokens } from '../src/verified-tokens';

const config = loadConfig(gatewayEnvSchema, { NODE_ENV: 'test', JWT_SECRET: 'verified-tokens-test-secret-0123456789' });
const key = new TextEncoder().encode(config.JWT_SECRET);

const token = (expiresInSeconds: number, secret = key) =>
  new SignJWT({ role: 'DISTRICT_ADMIN' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(secret);

describe('verified caller tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the same caller for the same token, and refuses it once it has expired', async () => {
    const authenticate = callerAuthenticator(config);
    const bearer = `Bearer ${await token(60)}`;
    const first = await authenticate({ authorization: bearer });
    expect(first).toMatchObject({ role: 'DISTRICT_ADMIN', sub: 'u1' });
    expect(await authenticate({ authorization: bearer })).toBe(first);
    // 60 s + the 5 s of clock tolerance later: refused, though it was accepted (and remembered) before.
    jest.useFakeTimers({ now: Date.now() + 66_000 });
    await expect(authenticate({ authorization: bearer })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('never remembers a token that failed verification', async () => {
    const authenticate = callerAuthenticator(config);
    const forged = `Bearer ${await token(60, new TextEncoder().encode('another-secret-entirely-0123456789'))}`;
    await expect(authenticate({ authorization: forged })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(authenticate({ authorization: forged })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const tokens = new VerifiedTokens(2);
    const caller = (sub: string): Caller => ({ role: 'MEMBER', sub });
    const exp = Math.floor(Date.now() / 1000) + 60;
    tokens.set('a', caller('a'), exp);
    tokens.set('b', caller('b'), exp);
    expect(tokens.get('a')).toMatchObject({ sub: 'a' });
    tokens.set('c', caller('c'), exp);
    expect(tokens.get('b')).toBeUndefined();
    expect(tokens.get('a')).toMatchObject({ sub: 'a' });
    expect(tokens.get('c')).toMatchObject({ sub: 'c' });
    expect(tokens.get('d')).toBeUndefined();
    expect(tokens.get('a', (exp + 1) * 1000)).toBeUndefined();
  });
});
