import { createHash } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import type { Actor } from './actor';

/** The header the gateway (or a peer) sets on every subgraph request. */
export const INTERNAL_IDENTITY_HEADER = 'x-cpb-identity';
const ISSUER = 'cpb-internal';
/** Signed identities live 60 s; one claiming more (or no expiry) was not signed by the gateway or a peer. */
const MAX_LIFETIME_SECONDS = 300;
const encoder = new TextEncoder();
const keys = new Map<string, { bytes: Uint8Array; id: string }>();

function keyOf(secret: string): { bytes: Uint8Array; id: string } {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = { bytes: encoder.encode(secret), id: identityKeyId(secret) }));
  return key;
}

/**
 * The key id a signature carries (JWT `kid`): derived from the secret, so signer and verifier agree
 * without another setting, and a hash prefix says nothing usable about the secret.
 */
export function identityKeyId(secret: string): string {
  return createHash('sha256').update(`cpb-identity-key\u0000${secret}`).digest('base64url').slice(0, 12);
}

/**
 * The keys a subgraph accepts: the current one, which everyone signs with, and during a rotation a
 * second one (`<NAME>_SECRET_PREVIOUS`) that is accepted but never used to sign (docs/operations.md).
 */
export interface IdentityKeys {
  current: string;
  previous?: string;
}

/** Signs an actor for one subgraph (audience) with that subgraph's current secret; valid for a minute. */
export function signInternal(actor: Actor, secret: string, audience: string): Promise<string> {
  const key = keyOf(secret);
  return new SignJWT({ act: actor })
    .setProtectedHeader({ alg: 'HS256', kid: key.id })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key.bytes);
}

/** Which of the accepted keys verified a signature: `previous` tells a rotation is still under way. */
export type VerifiedWith = 'current' | 'previous';

/**
 * Verifies the internal header for this subgraph against its accepted keys, chosen by the token's key
 * id (a token without one, from before key ids, is tried against each); throws on a missing, forged,
 * foreign, expired or no longer accepted one.
 */
export async function verifyIdentity(
  token: string,
  accepted: IdentityKeys,
  audience: string,
): Promise<{ actor: Actor; key: VerifiedWith }> {
  const { kid } = decodeProtectedHeader(token);
  const candidates = (['current', 'previous'] as const)
    .filter((slot) => accepted[slot] !== undefined)
    .map((slot) => ({ slot, key: keyOf(accepted[slot]!) }))
    .filter(({ key }) => kid === undefined || key.id === kid);
  if (!candidates.length) throw new Error('internal token signed with a key this service does not accept');
  let failure: unknown;
  for (const { slot, key } of candidates) {
    try {
      const { payload } = await jwtVerify(token, key.bytes, {
        issuer: ISSUER,
        audience,
        algorithms: ['HS256'],
        clockTolerance: 5,
        requiredClaims: ['exp'],
      });
      if (payload.exp! - Math.floor(Date.now() / 1000) > MAX_LIFETIME_SECONDS) throw new Error('internal token lives too long');
      const actor = payload.act as Actor | undefined;
      if (!actor || typeof actor.role !== 'string' || typeof actor.sub !== 'string') throw new Error('internal token carries no actor');
      return { actor, key: slot };
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/** Verifies the internal header for this subgraph with one secret (or its accepted keys) and returns the actor. */
export async function verifyInternal(token: string, secret: string | IdentityKeys, audience: string): Promise<Actor> {
  return (await verifyIdentity(token, typeof secret === 'string' ? { current: secret } : secret, audience)).actor;
}
