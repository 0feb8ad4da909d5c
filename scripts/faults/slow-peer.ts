/**
 * A slow peer: every peer call to organizations held by the proxy for 3 × PEER_TIMEOUT_MS. The load
 * sends an `x-request-id` with each request; the gateway and the services pass it on to their peer
 * calls, so the proxy knows which request each delayed call served. The checks pair them exactly,
 * whatever the machine's speed: every request whose peer call was delayed was refused `UNAVAILABLE`
 * before the delayed call could have been answered, every other request of the window succeeded,
 * and a change that began and ended while the peer was slow was among the delayed ones.
 */
import { worldId } from '@cpb/demo-world';
import { ask } from './evidence';
import type { Fault } from './faults';
import { check, codes, graphql, sleep, until } from './probe';

const p95 = (values: number[]) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] : 0;

/** The load's change that asks organizations as a peer (activities checks the organiser). */
const NEEDS_PEER = 'createActivity';

export function slowPeer(headers: Record<string, string>): Fault {
  return {
    name: 'slow-peer',
    describe: 'organizations made slow for its peers (every peer call held 3 × PEER_TIMEOUT_MS)',
    async run(ctx) {
      const delayMs = ctx.peerTimeoutMs * 3;
      ctx.proxy.delayed.length = 0;
      ctx.proxy.delayMs = delayMs;
      const began = Date.now();
      // Long enough for changes to begin and be refused inside it (a refusal takes PEER_TIMEOUT_MS).
      await sleep(Math.max(ctx.faultSeconds * 1000, ctx.peerTimeoutMs * 2));
      // …and until a change has called the peer (a saturated machine sends few): no delayed call would prove nothing.
      await until('a peer call delayed', async () => ctx.proxy.delayed.length > 0, 120_000, 100).catch(() => undefined);
      ctx.proxy.delayMs = 0;
      const lifted = Date.now();
      const calls = [...ctx.proxy.delayed];
      const delayedIds = new Set(calls.map((c) => c.requestId));
      // Every request a delayed call served has answered (a refusal comes after PEER_TIMEOUT_MS; a busy machine adds to it).
      await until(
        'the requests whose peer call was delayed answered',
        async () => ctx.peek().filter((o) => delayedIds.has(o.requestId)).length === delayedIds.size,
        60_000,
        100,
      ).catch(() => undefined);
      const outcomes = ctx.peek();
      const served = outcomes.filter((o) => delayedIds.has(o.requestId));
      const arrived = new Map(calls.map((c) => [c.requestId, c.at]));
      const others = outcomes.filter((o) => !delayedIds.has(o.requestId) && o.startedAt + o.ms >= began && o.startedAt < lifted);
      const wholly = outcomes.filter((o) => o.name === NEEDS_PEER && o.startedAt >= began && o.startedAt + o.ms <= lifted);
      const recoveryMs = await until('createActivity succeeds again', async () =>
        Boolean(
          await graphql(
            ctx.stack.gatewayUrl,
            `mutation { createActivity(input: { title: "恢复探测", kind: VOLUNTEER_SERVICE, organizerId: "${worldId('org-community', 0)}", startsAt: "${new Date(Date.now() + 3 * 86_400_000).toISOString()}", endsAt: "${new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString()}", capacity: 5 }) { id } }`,
            headers,
          ),
        ),
      );
      const connections = await ask<{ datname: string; n: number }>(
        ctx.databaseOf('activities'),
        `SELECT datname, count(*)::int AS n FROM pg_stat_activity WHERE datname LIKE 'faults_%' GROUP BY datname`,
      );
      const slowest = Math.max(0, ...served.map((o) => o.ms));
      return {
        recoveryMs,
        notes: [
          `${calls.length} peer calls delayed, serving ${served.length} requests (${codes(served)}); the other ${others.length} requests meanwhile: p95 ${p95(others.map((o) => o.ms))} ms`,
        ],
        checks: [
          check(
            'only changes needing the peer called it, one call each',
            served.length > 0 && served.length === calls.length && served.every((o) => o.name === NEEDS_PEER),
            `${calls.length} delayed calls; ${served.length} load requests matched (${[...new Set(served.map((o) => o.name))].join(', ') || 'none'})`,
          ),
          check(
            '…each refused with UNAVAILABLE',
            served.every((o) => o.code === 'UNAVAILABLE'),
            `${served.filter((o) => o.code === 'UNAVAILABLE').length} of ${served.length} UNAVAILABLE (${codes(served)})`,
          ),
          check(
            '…before the delayed peer could have answered (failing fast, after PEER_TIMEOUT_MS)',
            served.every((o) => o.startedAt + o.ms < arrived.get(o.requestId)! + delayMs),
            `slowest ${slowest} ms, PEER_TIMEOUT_MS ${ctx.peerTimeoutMs}, delay ${delayMs} ms`,
          ),
          check(
            'every change that began and ended while the peer was slow was among them',
            wholly.every((o) => delayedIds.has(o.requestId)),
            `${wholly.filter((o) => delayedIds.has(o.requestId)).length} of ${wholly.length}`,
          ),
          check(
            'every other request of the window succeeded',
            others.every((o) => o.code === 'OK'),
            `${others.filter((o) => o.code !== 'OK').length} of ${others.length} failed (${codes(others.filter((o) => o.code !== 'OK'))})`,
          ),
          check(
            'no pool exhausted (connections per database within DATABASE_POOL_MAX = 10, plus the suite)',
            connections.every((c) => c.n <= 12),
            connections.map((c) => `${c.datname} ${c.n}`).join(', '),
          ),
        ],
      };
    },
  };
}
