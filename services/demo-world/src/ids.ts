import { createHash } from 'node:crypto';

/**
 * A stable UUID for the n-th object of a kind, so each service seeds its own slice of the same
 * world and references across services agree without any service reading another's database.
 */
export function worldId(kind: string, index: number): string {
  const hex = createHash('sha1').update(`cpb-demo:${kind}:${index}`).digest('hex');
  // Shape as an RFC 4122 version-5 UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same district every time. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length) % items.length];
}
