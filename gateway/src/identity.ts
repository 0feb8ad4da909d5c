import type { Actor } from '@cpb/kit/core';

/** Signed identities are valid for 60 s; one is reused for at most half of that, so it always has 30 s left. */
const REUSE_MS = 30_000;
/** Bounds memory: past this many (caller, subgraph) pairs the cache starts afresh. */
const MAX_ENTRIES = 10_000;

/**
 * Reuses the signed identity header for the same caller and subgraph for up to 30 s instead of
 * signing (HMAC, JSON, base64) on every subgraph fetch: one dashboard request makes several fetches,
 * and a caller makes many requests. The token is the same kind the subgraphs verified before.
 */
export function reusedIdentities(
  sign: (actor: Actor, subgraph: string) => Promise<string>,
): (actor: Actor, subgraph: string) => Promise<string> {
  const cache = new Map<string, { token: Promise<string>; until: number }>();
  return (actor, subgraph) => {
    const key = `${subgraph}\u0000${actor.role}\u0000${actor.sub}\u0000${actor.orgId ?? ''}\u0000${actor.unitId ?? ''}\u0000${actor.memberId ?? ''}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.token;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const token = sign(actor, subgraph);
    cache.set(key, { token, until: now + REUSE_MS });
    // A failed signature is not kept.
    token.catch(() => cache.delete(key));
    return token;
  };
}
