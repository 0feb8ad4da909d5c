/**
 * The faults, one at a time, each with what it must show (docs/reliability.md, "Faults under load").
 * A fault returns its recovery time and its checks; the runner adds the window's counts, the writes
 * found and the events delivered.
 */
import { worldId } from '@cpb/demo-world';
import type { Child } from '../lib/child';
import type { Stack } from '../lib/stack';
import type { KafkaBroker, ReceivedMessage } from '@cpb/kit/testing';
import type { Cluster } from './cluster';
import { ask } from './evidence';
import type { Load, Outcome } from './load';
import { byOperation, check, codes, graphql, sleep, until, type Check } from './probe';
import { relayKill } from './relay-kill';
import { slowPeer } from './slow-peer';
import type { SlowProxy } from './slow-proxy';

export type { Check };

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
  /** Every message the suite's readers have seen on the topics so far. */
  messages(): ReceivedMessage[];
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

/** One small query through the gateway that only `service` answers, as the load's probes send it. */
const probes: Record<string, string> = {
  organizations: '{ streets { id } }',
  members: '{ members(first: 1) { edges { node { id } } } }',
  resources: '{ resources(first: 1) { edges { node { id } } } }',
  activities: '{ volunteerTeams(first: 1) { edges { node { id } } } }',
};

const answers = async (ctx: FaultContext, query: string, headers: Record<string, string>) =>
  Boolean(await graphql(ctx.stack.gatewayUrl, query, headers));

async function ready(url: string): Promise<boolean> {
  return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200;
}

/** The load's requests that only the other subgraphs serve, and those activities serves (subgraph-sigkill). */
const OTHERS = ['probe-organizations', 'probe-members', 'probe-resources', 'createResidentUnit'];
const DEAD = ['probe-activities', 'createActivity'];

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
        // Down until the load has had answers from both sides (a busy machine sends few requests a second).
        const sent = () => ctx.peek().filter((o) => o.startedAt > killedAt + 200);
        await until(
          'answers from the other subgraphs and from activities while it is down',
          async () => sent().filter((o) => OTHERS.includes(o.name)).length >= 5 && sent().some((o) => DEAD.includes(o.name)),
          120_000,
          100,
        ).catch(() => undefined); // judged below: too few requests fails the check
        const restarted = Date.now();
        await ctx.stack.restart('activities');
        const recoveryMs =
          Date.now() - restarted + (await until('activities answers through the gateway', () => answers(ctx, probes.activities, headers)));
        // Requests sent while it was down, judged once they have all answered (a busy machine answers late).
        const during = ctx.peek().filter((o) => o.startedAt > killedAt + 200 && o.startedAt < restarted);
        const others = during.filter((o) => OTHERS.includes(o.name));
        const dead = during.filter((o) => DEAD.includes(o.name));
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
      describe: "the suite's own Postgres cluster restarted (pg_ctl stop -m fast, start once every service said not ready)",
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
        await ctx.cluster.down();
        // Down until every service has said so on /ready (a quiet machine restarts faster than a readiness poll).
        const downMs = await until(
          'every service not ready',
          async () => (await Promise.all(readyUrls.map((url) => ready(url).catch(() => false)))).every((ok) => !ok),
          60_000,
          50,
        ).catch(() => Date.now() - began);
        await ctx.cluster.up();
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
        // A lookup that failed (its own database, or a peer's, out of reach) says so: never "does not exist" (NOT_FOUND) or internal.
        const failed = ctx.peek().filter((o) => o.code !== 'OK');
        const wrong = failed.filter((o) => o.code !== 'UNAVAILABLE');
        return {
          recoveryMs,
          notes: [`down ${downMs} ms until every service said not ready; stop to started again ${restartMs} ms`],
          checks: [
            check(
              'services reported not ready while the server was down',
              notReadySeen > 0,
              `${notReadySeen} /ready answers other than 200`,
            ),
            check(
              'every request that failed during the outage is UNAVAILABLE (never NOT_FOUND or INTERNAL_SERVER_ERROR)',
              wrong.length === 0,
              `${failed.length} failed: ${byOperation(failed)}${wrong.length ? `; not UNAVAILABLE: ${wrong.map((o) => `${o.name} ${o.code} (${o.error?.message.slice(0, 120) ?? ''})`).join('; ')}` : ''}`,
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
    relayKill(headers),
    {
      name: 'consumer-kill',
      describe: 'analytics consumer SIGKILLed mid-batch, restarted',
      async run(ctx) {
        // A backlog of hours credited (the one effect that adds up, so a double application shows) through activities' outbox,
        // served in a month of its own: the topics also hold the seeded history, which analytics applies beside it.
        const count = ctx.faultSeconds >= 5 ? 5000 : 500;
        const MONTH = '2001-01';
        await ask(
          ctx.databaseOf('activities'),
          `
          INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload)
          SELECT gen_random_uuid(), 'activity', a.id::text, 'participation.hours-credited',
                 jsonb_build_object('participationId', gen_random_uuid(), 'activityId', a.id, 'memberId', gen_random_uuid(), 'communityId', $2::text,
                                    'organizerId', gen_random_uuid(), 'teamId', null, 'servedAt', $3::text, 'hours', 2)
          FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, $1)) a`,
          [count, worldId('community', 0), `${MONTH}-15T02:00:00Z`],
        );
        const credited = async () =>
          Number(
            (
              await ask<{ n: string }>(
                ctx.analytics.databaseUrl,
                'SELECT coalesce(sum(participations), 0) AS n FROM community_month WHERE month = $1',
                [MONTH],
              )
            )[0].n,
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
          'SELECT sum(participations) AS participations, sum(volunteer_hours) AS hours FROM community_month WHERE month = $1',
          [MONTH],
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
    slowPeer(headers),
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
