import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { anonymousActor, userRoles, type Actor } from '@cpb/kit/core';
import type { GatewayConfig } from './config';

/** The claims a caller's token carries (scripts/token mints them for the demo users). */
interface CallerClaims extends JWTPayload {
  role?: string;
  org?: string;
  unit?: string;
  member?: string;
}

/**
 * Verifies `Authorization: Bearer <JWT>` (issuer, audience, expiry, algorithm) and turns it into an
 * actor. No header: the anonymous actor, who sees public data only. A bad token: refused (401).
 */
export function callerAuthenticator(config: GatewayConfig): (headers: IncomingHttpHeaders) => Promise<Actor> {
  const jwks: JWTVerifyGetKey | undefined = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL)) : undefined;
  const secret = new TextEncoder().encode(config.JWT_SECRET);
  const options = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, clockTolerance: 5 };
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
      const reason = (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'The token has expired' : 'The token is not valid';
      throw new Error(reason);
    }
    if (!claims.sub || !userRoles.includes(claims.role as (typeof userRoles)[number])) throw new Error('The token names no known role');
    return { role: claims.role as Actor['role'], sub: claims.sub, orgId: claims.org, unitId: claims.unit, memberId: claims.member };
  };
}
