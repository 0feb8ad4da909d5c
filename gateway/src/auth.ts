import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import {
  anonymousActor,
  ConfigError,
  devSecret,
  localeOf,
  msg,
  UnauthenticatedError,
  userRoles,
  type Actor,
  type Caller,
  type Message,
} from '@cpb/kit/core';
import type { GatewayConfig } from './config';
import { VerifiedTokens } from './verified-tokens';

/** The claims a caller's token carries (scripts/token mints them for the demo users). */
interface CallerClaims extends JWTPayload {
  role?: string;
  org?: string;
  unit?: string;
  member?: string;
  /** The user's own language (OpenID Connect's `locale`, e.g. `en-US`): messages use it when a request asks for none. */
  locale?: string;
}

/** Seconds of clock difference tolerated between the identity provider and the gateway. */
const CLOCK_TOLERANCE = 5;

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
  if (lifetime > maxSeconds + CLOCK_TOLERANCE) throw new UnauthenticatedError(msg('token.tooLong', { lifetime, maximum: maxSeconds }));
}

function reasonOf(error: unknown): Message {
  const { code, claim } = error as { code?: string; claim?: string };
  if (code === 'ERR_JWT_EXPIRED') return msg('token.expired');
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'exp') return msg('token.noExpiry');
  return msg('token.invalid');
}

/**
 * Verifies `Authorization: Bearer <JWT>` (issuer, audience, expiry, lifetime, algorithm) and turns it
 * into an actor (with the token's `locale`, if any). No header: the anonymous actor, who sees public data
 * only. A bad token: refused (401).
 */
export function callerAuthenticator(config: GatewayConfig): (headers: IncomingHttpHeaders) => Promise<Caller> {
  assertCallerTokenKey(config);
  const jwks: JWTVerifyGetKey | undefined = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL)) : undefined;
  const secret = new TextEncoder().encode(config.JWT_SECRET);
  const options = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, clockTolerance: CLOCK_TOLERANCE, requiredClaims: ['exp'] };
  const verifiedTokens = new VerifiedTokens();
  return async (headers) => {
    const header = headers.authorization;
    if (!header) return anonymousActor;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError(msg('token.bearer'));
    const known = verifiedTokens.get(match[1]);
    if (known) return known;
    let claims: CallerClaims;
    try {
      const verified = jwks
        ? await jwtVerify(match[1], jwks, { ...options, algorithms: ['RS256', 'ES256'] })
        : await jwtVerify(match[1], secret, { ...options, algorithms: ['HS256'] });
      claims = verified.payload as CallerClaims;
    } catch (error) {
      throw new UnauthenticatedError(reasonOf(error));
    }
    checkLifetime(claims, config.JWT_MAX_LIFETIME_SECONDS);
    if (!claims.sub || !userRoles.includes(claims.role as (typeof userRoles)[number])) throw new UnauthenticatedError(msg('token.noRole'));
    const actor: Actor = {
      role: claims.role as Actor['role'],
      sub: claims.sub,
      orgId: claims.org,
      unitId: claims.unit,
      memberId: claims.member,
    };
    const locale = typeof claims.locale === 'string' ? localeOf(claims.locale) : undefined;
    const caller = locale ? { ...actor, locale } : actor;
    verifiedTokens.set(match[1], caller, claims.exp!);
    return caller;
  };
}
