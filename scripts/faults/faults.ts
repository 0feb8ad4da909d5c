/**
 * The faults, one at a time, each with what it must show (docs/reliability.md, "Faults under load").
 * A fault returns its recovery time and its checks; the runner adds the window's counts, the writes
 * found and the events delivered.
 */
import { worldId } from '@cpb/demo-world';
import type { Child } from '../lib/child';
import type { Stack } from '../lib/stack';
import type { KafkaBroker } from '@cpb/kit/testing';
import type { Cluster } from './cluster';
import { ask } from './evidence';
import type { Load, Outcome } from './load';
import type { SlowProxy } from './slow-proxy';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface FaultContext {
  stack: Stack;
  broker: KafkaBroker;
  cluster: Cluster;
  proxy: SlowProxy;
  load: Load;
  /** The analytics consumer (started and restarted by its fault). */
  analytics: { start(): Child; databaseUrl: string; output: string[] };
  databaseOf(service: string): string;
  /** Seconds each fault lasts under load (2 quick, 8 full). */
  faultSeconds: number;
  peerTimeoutMs: number;
  /** Outcomes of the window so far (the runner cuts it after the fault). */
  peek(): Outcome[];
  log(line: string): void;
}

export interface FaultResult {
  recoveryMs: number;
  checks: Check[];
  notes: string[];
}

export interface Fault {
  name: string;
  describe: string;
  run(ctx: FaultContext): Promise<FaultResult>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it holds; returns the milliseconds waited (throws after `timeoutMs`). */
async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 300_000, everyMs = 100): Promise<number> {
  const began = Date.now();
  let last = '';
  while (Date.now() - began < timeoutMs) {
    if (await probe().catch((error: unknown) => ((last = String(error)), false))) return Date.now() - began;
    await sleep(everyMs);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last: ${last.slice(0, 300)})` : ''}`);
}

const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });
const codes = (outcomes: Outcome[]) => [...new Set(outcomes.map((o) => o.code))].join(', ') || 'none';

/** One small query through the gateway that only `service` answers, as the load's probes send it. */
const probes: Record<string, string> = {
  organizations: '{ streets { id } }',
  members: '{ members(first: 1) { edges { node { id } } } }',
  resources: '{ resources(first: 1) { edges { node { id } } } }',
  activities: '{ volunteerTeams(first: 1) { edges { node { id } } } }',
};

async function answers(ctx: FaultContext, query: string, headers: Record<string, string>): Promise<boolean> {
  const response = await fetch(ctx.stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`HTTP ${response.status} ${JSON.stringify(body.errors ?? '').slice(0, 300)}`);
  return true;
}

async function ready(url: string): Promise<boolean> {
  return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200;
}

const p95 = (values: number[]) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] : 0;

export function faults(headers: Record<string, string>): Fault[] {
  return [
    {
      name: 'subgraph-sigkill',
      describe: 'activities SIGKILLed, then restarted; the gateway keeps running',
      async run(ctx) {
        const gatewayPid = ctx.stack.gateway.process.pid;
        const victim = ctx.stack.services.find((s) => s.name === 'activities')!;
        const killedAt = Date.now();
        victim.child.process.kill('SIGKILL');
        await victim.child.exited;
        await sleep(ctx.faultSeconds * 1000);
        const restarted = Date.now();
        await ctx.stack.restart('activities');
        const recoveryMs =
          Date.now() - restarted + (await until('activities answers through the gateway', () => answers(ctx, probes.activities, headers)));
        // Requests sent while it was down, judged once they have all answered (a busy machine answers late).
        const during = ctx.peek().filter((o) => o.startedAt > killedAt + 200 && o.startedAt < restarted);
        const others = during.filter((o) => ['probe-organizations', 'probe-members', 'probe-resources', 'createGrid'].includes(o.name));
        const dead = during.filter((o) => o.name === 'probe-activities' || o.name === 'createActivity');
        return {
          recoveryMs,
          notes: [`while down: ${others.length} requests to the other subgraphs, ${dead.length} to activities`],
          checks: [
            check(
              'the other subgraphs kept answering',
              others.length > 0 && others.every((o) => o.code === 'OK'),
              `${others.filter((o) => o.code !== 'OK').length} of ${others.length} failed (${codes(others.filter((o) => o.code !== 'OK'))})`,
            ),
            check(
              "activities' fields failed as UNAVAILABLE (never INTERNAL_SERVER_ERROR)",
              dead.every((o) => o.code === 'UNAVAILABLE'),
              `codes seen: ${codes(dead)}`,
            ),
            check(
              'its fields came back without restarting the gateway',
              ctx.stack.gateway.process.pid === gatewayPid,
              `gateway pid ${gatewayPid} → ${ctx.stack.gateway.process.pid}`,
            ),
          ],
        };
      },
    },
    {
      name: 'postgres-restart',
      describe: "the suite's own Postgres cluster restarted (pg_ctl restart -m fast)",
      async run(ctx) {
        const readyUrls = ctx.stack.services.map((s) => `${s.baseUrl}/ready`);
        let notReadySeen = 0;
        let watching = true;
        const watcher = (async () => {
          while (watching) {
            for (const url of readyUrls) if (!(await ready(url).catch(() => false))) notReadySeen++;
            await sleep(50);
          }
        })();
        const began = Date.now();
        await ctx.cluster.restart();
        const restartMs = Date.now() - began;
        const restarted = Date.now();
        await until('every service ready', async () => (await Promise.all(readyUrls.map(ready))).every(Boolean));
        const recoveryMs =
          Date.now() -
          restarted +
          (await until('a write through the gateway', () =>
            answers(
              ctx,
              `mutation { createGrid(communityId: "${worldId('community', 0)}", name: "恢复探测-${Date.now()}") { id } }`,
              headers,
            ),
          ));
        await sleep(ctx.faultSeconds * 1000);
        watching = false;
        await watcher;
        const after = ctx.peek().filter((o) => o.startedAt > restarted + recoveryMs);
        return {
          recoveryMs,
          notes: [`pg_ctl restart took ${restartMs} ms`],
          checks: [
            check(
              'services reported not ready while the server was down',
              notReadySeen > 0,
              `${notReadySeen} /ready answers other than 200`,
            ),
            check(
              'after recovery every request succeeds (pools reconnected)',
              after.every((o) => o.code === 'OK'),
              `${after.filter((o) => o.code !== 'OK').length} of ${after.length} failed (${codes(after.filter((o) => o.code !== 'OK'))})`,
            ),
          ],
        };
      },
    },
    {
      name: 'relay-kill-broker-outage',
      describe:
        'broker down, outbox fills; broker up and the relay (organizations: createGrid writes grid.created) SIGKILLed mid-batch, restarted',
      async run(ctx) {
        await ctx.broker.down();
        const unpublished = async () =>
          (await ask<{ n: number }>(ctx.databaseOf('organizations'), 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0]
            .n;
        let backlog: number;
        try {
          await sleep(ctx.faultSeconds * 1000);
          // Enough of a backlog that the relay is still on it when killed.
          await until('a backlog in the outbox', async () => (await unpublished()) >= 5, 300_000, 200);
          backlog = await unpublished();
        } finally {
          await ctx.broker.up(); // whatever happened, the next faults need the broker
        }
        // The relay notices the broker within its backoff and starts on the backlog: kill it while that batch is in flight.
        // (organizations: of the load's mutations only createGrid writes an event; a draft activity writes none.)
        await until(
          'the relay publishing again',
          async () =>
            (
              await ask<{ n: number }>(ctx.databaseOf('organizations'), 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')
            )[0].n < backlog,
          60_000,
          20,
        );
        const victim = ctx.stack.services.find((s) => s.name === 'organizations')!;
        victim.child.process.kill('SIGKILL');
        await victim.child.exited;
        const [{ n: left }] = await ask<{ n: number }>(
          ctx.databaseOf('organizations'),
          'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
        );
        const restarted = Date.now();
        await ctx.stack.restart('organizations');
        const recoveryMs =
          Date.now() -
          restarted +
          (await until(
            'the outbox empty again',
            async () =>
              (
                await ask<{ n: number }>(
                  ctx.databaseOf('organizations'),
                  'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
                )
              )[0].n === 0,
          ));
        return {
          recoveryMs,
          notes: [`${backlog} events waited in the outbox; ${left} still unpublished when the relay was killed`],
          checks: [
            check('the relay was killed with a backlog (mid-batch)', backlog > 0 && left > 0, `backlog ${backlog}, left at kill ${left}`),
          ],
        };
      },
    },
    {
      name: 'consumer-kill',
      describe: 'analytics consumer SIGKILLed mid-batch, restarted',
      async run(ctx) {
        // A backlog of hours credited (the one effect that adds up, so a double application shows) through activities' outbox.
        const count = ctx.faultSeconds >= 5 ? 5000 : 1500;
        await ask(
          ctx.databaseOf('activities'),
          `
          INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload)
          SELECT gen_random_uuid(), 'activity', a.id::text, 'participation.hours-credited',
                 jsonb_build_object('participationId', gen_random_uuid(), 'activityId', a.id, 'memberId', gen_random_uuid(), 'communityId', $2::text,
                                    'organizerId', gen_random_uuid(), 'teamId', null, 'servedAt', to_char(now() - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'hours', 2)
          FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, $1)) a`,
          [count, worldId('community', 0)],
        );
        const credited = async () =>
          Number(
            (await ask<{ n: string }>(ctx.analytics.databaseUrl, 'SELECT coalesce(sum(participations), 0) AS n FROM community_month'))[0].n,
          );
        const first = ctx.analytics.start();
        await until('analytics applying the backlog', async () => (await credited()) > 0, 600_000, 10).catch((error: unknown) => {
          throw new Error(`${String(error)}; analytics said: ${ctx.analytics.output.slice(-5).join(' / ').slice(0, 600)}`);
        });
        first.process.kill('SIGKILL');
        await first.exited;
        const atKill = await credited();
        const second = ctx.analytics.start();
        const recoveryMs = await until('analytics caught up', async () => (await credited()) >= count, 600_000, 200);
        await sleep(2_000); // a doubled batch would land now
        const [{ participations, hours }] = await ask<{ participations: string; hours: string }>(
          ctx.analytics.databaseUrl,
          'SELECT sum(participations) AS participations, sum(volunteer_hours) AS hours FROM community_month',
        );
        await second.stop();
        return {
          recoveryMs,
          notes: [`${count} hours-credited events; ${atKill} applied when the consumer was killed`],
          checks: [
            check('killed mid-batch', atKill > 0 && atKill < count, `${atKill} of ${count} applied at the kill`),
            check(
              'each effect applied once',
              Number(participations) === count && Number(hours) === 2 * count,
              `participations ${participations} (expected ${count}), hours ${hours} (expected ${2 * count})`,
            ),
          ],
        };
      },
    },
    {
      name: 'slow-peer',
      describe: `organizations made slow for its peers (delay past PEER_TIMEOUT_MS)`,
      async run(ctx) {
        ctx.proxy.delayMs = ctx.peerTimeoutMs * 3;
        const began = Date.now();
        await sleep(ctx.faultSeconds * 1000);
        const ended = Date.now();
        // Requests sent before the delay was lifted and answered by the time it ends (those still waiting are judged by their answers later: none may fail).
        await sleep(ctx.peerTimeoutMs + 2_000);
        ctx.proxy.delayMs = 0;
        const during = ctx.peek().filter((o) => o.startedAt >= began && o.startedAt < ended - ctx.peerTimeoutMs);
        const needing = during.filter((o) => o.name === 'createActivity');
        const rest = during.filter((o) => o.name !== 'createActivity');
        const baseline = ctx.peek().filter((o) => o.startedAt < began && o.name !== 'createActivity');
        const recoveryMs = await until('createActivity succeeds again', () =>
          answers(
            ctx,
            `mutation { createActivity(input: { title: "恢复探测", kind: VOLUNTEER_SERVICE, organizerId: "${worldId('org-community', 0)}", startsAt: "${new Date(Date.now() + 3 * 86_400_000).toISOString()}", endsAt: "${new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString()}", capacity: 5 }) { id } }`,
            headers,
          ),
        );
        const connections = await ask<{ datname: string; n: number }>(
          ctx.databaseOf('activities'),
          `SELECT datname, count(*)::int AS n FROM pg_stat_activity WHERE datname LIKE 'faults_%' GROUP BY datname`,
        );
        return {
          recoveryMs,
          notes: [
            `p95 of the other requests: ${p95(baseline.map((o) => o.ms))} ms before, ${p95(rest.map((o) => o.ms))} ms during; ${ctx.proxy.delayed} peer calls delayed`,
          ],
          checks: [
            check(
              'changes needing the peer failed with UNAVAILABLE',
              needing.length > 0 && needing.every((o) => o.code === 'UNAVAILABLE'),
              `${needing.length} sent, codes ${codes(needing)}`,
            ),
            check(
              '…and fast (within PEER_TIMEOUT_MS + 3 s, well before the 9 s delay)',
              needing.every((o) => o.ms < ctx.peerTimeoutMs + 3_000),
              `slowest ${Math.max(0, ...needing.map((o) => o.ms))} ms (PEER_TIMEOUT_MS ${ctx.peerTimeoutMs})`,
            ),
            check(
              'nothing else failed',
              rest.every((o) => o.code === 'OK'),
              `${rest.filter((o) => o.code !== 'OK').length} of ${rest.length} failed (${codes(rest.filter((o) => o.code !== 'OK'))})`,
            ),
            // Waiting on the peer would add its delay (3 × PEER_TIMEOUT_MS) or the timeout: less than PEER_TIMEOUT_MS over the baseline is the machine's noise.
            check(
              'nothing else waited on the peer (p95 within PEER_TIMEOUT_MS of before)',
              p95(rest.map((o) => o.ms)) < p95(baseline.map((o) => o.ms)) + ctx.peerTimeoutMs,
              `p95 ${p95(baseline.map((o) => o.ms))} ms before, ${p95(rest.map((o) => o.ms))} ms during`,
            ),
            check(
              'no pool exhausted (connections per database within DATABASE_POOL_MAX = 10, plus the suite)',
              connections.every((c) => c.n <= 12),
              connections.map((c) => `${c.datname} ${c.n}`).join(', '),
            ),
          ],
        };
      },
    },
    {
      name: 'gateway-sigterm',
      describe: 'the gateway sent SIGTERM under load, then started again',
      async run(ctx) {
        await sleep(500);
        const inFlightAtSignal = ctx.load.inFlight();
        const signalled = Date.now();
        ctx.stack.gateway.process.kill('SIGTERM');
        const exitCode = await ctx.stack.gateway.exited;
        const exitedAfterMs = Date.now() - signalled;
        await sleep(ctx.faultSeconds * 500);
        const outcomes = ctx.peek();
        const inFlight = outcomes.filter((o) => o.startedAt < signalled && o.startedAt + o.ms >= signalled);
        const after = outcomes.filter((o) => o.startedAt >= signalled + exitedAfterMs);
        const restarted = Date.now();
        await ctx.stack.restart('gateway');
        const recoveryMs = Date.now() - restarted + (await until('the gateway answers', () => answers(ctx, probes.organizations, headers)));
        return {
          recoveryMs,
          notes: [`${inFlightAtSignal} requests in flight at SIGTERM; exited ${exitCode} after ${exitedAfterMs} ms`],
          checks: [
            check(
              'in-flight requests finished',
              inFlight.length > 0 && inFlight.every((o) => o.code === 'OK'),
              `${inFlight.filter((o) => o.code === 'OK').length} of ${inFlight.length} answered OK (${codes(inFlight)})`,
            ),
            check(
              'new requests refused cleanly (connection refused at once, no hang, no 5xx)',
              after.every((o) => o.code === 'NETWORK' && o.ms < 1_000),
              `${after.length} after exit: ${codes(after)}, slowest ${Math.max(0, ...after.map((o) => o.ms))} ms`,
            ),
            check('exited 0', exitCode === 0, `exit code ${exitCode}`),
          ],
        };
      },
    },
  ];
}
