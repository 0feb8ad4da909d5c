import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { anonymousActor, ConfigError, devSecret, userRoles, type Actor } from '@cpb/kit/core';
import type { GatewayConfig } from './config';

/** The claims a caller's token carries (scripts/token mints them for the demo users). */
interface CallerClaims extends JWTPayload {
  role?: string;
  org?: string;
  unit?: string;
  member?: string;
}

/** Seconds of clock difference tolerated between the identity provider and the gateway. */
const CLOCK_TOLERANCE = 5;

const duration = (seconds: number) => (seconds % 3600 === 0 ? `${seconds / 3600} h` : `${Math.round(seconds / 60)} min`);

/**
 * The development key is public (it is in this repository): production refuses to start on it. A
 * deployment sets its own JWT_SECRET or verifies its identity provider's keys from JWKS_URL.
 */
export function assertCallerTokenKey(config: GatewayConfig): void {
  if (config.NODE_ENV === 'production' && !config.JWKS_URL && config.JWT_SECRET === devSecret('jwt')) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: must be set in production (or JWKS_URL): the development key is public');
  }
}

/**
 * A token must expire, and within JWT_MAX_LIFETIME_SECONDS of when it was issued (or of now, without
 * `iat`; an `iat` in the future does not shorten it): a stolen long-lived token is a standing key.
 */
function checkLifetime(claims: CallerClaims, maxSeconds: number): void {
  const now = Math.floor(Date.now() / 1000);
  const lifetime = claims.exp! - Math.min(claims.iat ?? now, now);
  if (lifetime > maxSeconds + CLOCK_TOLERANCE) throw new Error(`The token's lifetime (${duration(lifetime)}) is longer than the ${duration(maxSeconds)} this gateway accepts`);
}

function reasonOf(error: unknown): string {
  const { code, claim } = error as { code?: string; claim?: string };
  if (code === 'ERR_JWT_EXPIRED') return 'The token has expired';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'exp') return 'The token carries no expiry (exp); tokens must expire';
  return 'The token is not valid';
}

/**
 * Verifies `Authorization: Bearer <JWT>` (issuer, audience, expiry, lifetime, algorithm) and turns it
 * into an actor. No header: the anonymous actor, who sees public data only. A bad token: refused (401).
 */
export function callerAuthenticator(config: GatewayConfig): (headers: IncomingHttpHeaders) => Promise<Actor> {
  assertCallerTokenKey(config);
  const jwks: JWTVerifyGetKey | undefined = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL)) : undefined;
  const secret = new TextEncoder().encode(config.JWT_SECRET);
  const options = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, clockTolerance: CLOCK_TOLERANCE, requiredClaims: ['exp'] };
  return async (headers) => {
    const header = headers.authorization;
    if (!header) return anonymousActor;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new Error('Authorization must be "Bearer <token>"');
    let claims: CallerClaims;
    try {
      const verified = jwks ? await jwtVerify(match[1], jwks, { ...options, algorithms: ['RS256', 'ES256'] }) : await jwtVerify(match[1], secret, { ...options, algorithms: ['HS256'] });
      claims = verified.payload as CallerClaims;
    } catch (error) {
      throw new Error(reasonOf(error));
    }
    checkLifetime(claims, config.JWT_MAX_LIFETIME_SECONDS);
    if (!claims.sub || !userRoles.includes(claims.role as (typeof userRoles)[number])) throw new Error('The token names no known role');
    return { role: claims.role as Actor['role'], sub: claims.sub, orgId: claims.org, unitId: claims.unit, memberId: claims.member };
  };
}
