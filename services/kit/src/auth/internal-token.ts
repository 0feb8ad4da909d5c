import { jwtVerify, SignJWT } from 'jose';
import type { Actor } from './actor';

/** The header the gateway (or a peer) sets on every subgraph request. */
export const INTERNAL_IDENTITY_HEADER = 'x-cpb-identity';
const ISSUER = 'cpb-internal';
/** Signed identities live 60 s; one claiming more (or no expiry) was not signed by the gateway or a peer. */
const MAX_LIFETIME_SECONDS = 300;
const encoder = new TextEncoder();
const keys = new Map<string, Uint8Array>();

function keyOf(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = encoder.encode(secret)));
  return key;
}

/** Signs an actor for one subgraph (audience) with that subgraph's own secret; valid for a minute. */
export function signInternal(actor: Actor, secret: string, audience: string): Promise<string> {
  return new SignJWT({ act: actor }).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(audience).setIssuedAt().setExpirationTime('60s').sign(keyOf(secret));
}

/** Verifies the internal header for this subgraph; throws on a missing, forged, foreign or expired one. */
export async function verifyInternal(token: string, secret: string, audience: string): Promise<Actor> {
  const { payload } = await jwtVerify(token, keyOf(secret), { issuer: ISSUER, audience, algorithms: ['HS256'], clockTolerance: 5, requiredClaims: ['exp'] });
  if (payload.exp! - Math.floor(Date.now() / 1000) > MAX_LIFETIME_SECONDS) throw new Error('internal token lives too long');
  const actor = payload.act as Actor | undefined;
  if (!actor || typeof actor.role !== 'string' || typeof actor.sub !== 'string') throw new Error('internal token carries no actor');
  return actor;
}
