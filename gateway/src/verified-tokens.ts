/**
 * Callers already verified, by their token string, until the token expires: a dashboard sends the same
 * token with every request, and verifying it (HMAC or RSA, JSON, base64, claims) was a visible share
 * of the gateway's CPU per request. Only successes are kept; a token is used from here only while its
 * `exp` is in the future, so an expired one goes back to full verification (and is refused).
 */
import type { Caller } from '@cpb/kit/core';

/** Distinct tokens remembered: more than the callers of a district in a token's lifetime on one replica; least recently used go first. */
const MAX_TOKENS = 5_000;

export class VerifiedTokens {
  private readonly entries = new Map<string, { caller: Caller; expiresAtMs: number }>();

  constructor(private readonly max = MAX_TOKENS) {}

  get(token: string, nowMs = Date.now()): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (entry.expiresAtMs <= nowMs) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.set(token, entry);
    return entry.caller;
  }

  set(token: string, caller: Caller, expiresAtSeconds: number): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { caller, expiresAtMs: expiresAtSeconds * 1000 });
  }
}
