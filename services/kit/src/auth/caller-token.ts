import { SignJWT } from 'jose';
import { devSecret } from '../dev-secret';
import type { Actor } from './actor';

export interface CallerTokenOptions {
  secret?: string;
  issuer?: string;
  audience?: string;
  /** e.g. '8h', '-1m' for an already expired token in tests. */
  expiresIn?: string;
  /** The user's own language (OpenID Connect's `locale` claim, e.g. 'en'): messages use it when a request asks for none. */
  locale?: string;
}

/** Mints a caller's JWT as the identity provider would (HS256): for scripts/token and tests. */
export function mintCallerToken(actor: Omit<Actor, 'role'> & { role: Actor['role'] }, options: CallerTokenOptions = {}): Promise<string> {
  const claims: Record<string, string> = { role: actor.role };
  if (actor.orgId) claims.org = actor.orgId;
  if (actor.unitId) claims.unit = actor.unitId;
  if (actor.memberId) claims.member = actor.memberId;
  if (options.locale) claims.locale = options.locale;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.sub)
    .setIssuer(options.issuer ?? 'cpb-identity')
    .setAudience(options.audience ?? 'cpb-gateway')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(options.secret ?? devSecret('jwt')));
}
