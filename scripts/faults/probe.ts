/**
 * What the faults share: waiting for a condition, a check's shape, and one request through the gateway
 * (the suite's own probes, beside the load).
 */
import type { Outcome } from './load';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it holds; returns the milliseconds waited (throws after `timeoutMs`). */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 300_000, everyMs = 100): Promise<number> {
  const began = Date.now();
  let last = '';
  while (Date.now() - began < timeoutMs) {
    if (await probe().catch((error: unknown) => ((last = String(error)), false))) return Date.now() - began;
    await sleep(everyMs);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last: ${last.slice(0, 300)})` : ''}`);
}

export const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });
export const codes = (outcomes: Outcome[]) => [...new Set(outcomes.map((o) => o.code))].join(', ') || 'none';

/** One query or mutation through the gateway; its data, or it throws with the errors. */
export async function graphql(
  url: string,
  query: string,
  headers: Record<string, string>,
  timeoutMs = 5_000,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (response.status !== 200 || body.errors || !body.data)
    throw new Error(`HTTP ${response.status} ${JSON.stringify(body.errors ?? '').slice(0, 300)}`);
  return body.data;
}
