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

/** "createActivity NOT_FOUND 2, member-list UNAVAILABLE 8": how many of each operation answered each code. */
export function byOperation(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(`${o.name} ${o.code}`, (counts.get(`${o.name} ${o.code}`) ?? 0) + 1);
  return [...counts].map(([key, n]) => `${key} ${n}`).join(', ') || 'none';
}

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

export interface Failure {
  name: string;
  code: string;
  message: string;
  path?: (string | number)[];
  /** Milliseconds after the window opened that it was sent, and how long it took. */
  sentAtMs: number;
  ms: number;
}

/** Failed requests grouped by operation, code, path and message: one line each, with how many and when the first was sent. */
export function failureSummary(failures: Failure[]): string[] {
  const groups = new Map<string, { n: number; first: number; slowest: number }>();
  for (const f of failures) {
    const key = `${f.name} ${f.code}${f.path ? ` at ${f.path.join('.')}` : ''}: ${f.message.slice(0, 160)}`;
    const group = groups.get(key) ?? { n: 0, first: f.sentAtMs, slowest: 0 };
    groups.set(key, { n: group.n + 1, first: Math.min(group.first, f.sentAtMs), slowest: Math.max(group.slowest, f.ms) });
  }
  return [...groups].map(([key, g]) => `${g.n} × ${key} (first sent at +${g.first} ms, slowest took ${g.slowest} ms)`);
}

/** The failed outcomes as the suite reports them, sent-at counted from `since`. */
export function failuresOf(outcomes: Outcome[], since: number): Failure[] {
  return outcomes
    .filter((o) => o.code !== 'OK')
    .map((o) => ({
      name: o.name,
      code: o.code,
      message: o.error?.message ?? '',
      path: o.error?.path,
      sentAtMs: o.startedAt - since,
      ms: o.ms,
    }));
}
