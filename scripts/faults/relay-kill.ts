/**
 * The relay killed between sending a batch and marking it sent, after a broker outage. To land the kill
 * there every time (not by timing luck), the suite holds row locks on the waiting outbox rows: the relay
 * reads its first batch (plain reads pass), the broker acknowledges it, and the relay's
 * `UPDATE outbox SET published_at` then waits on the locks. Once that update is seen waiting and the
 * batch is on the topic, organizations is SIGKILLed. Postgres notices a dead client at its connection's
 * next read; a backend waiting on a lock would notice only once woken, and would then commit the mark the
 * dead process asked for, so the suite terminates that backend before letting the locks go: the batch
 * stays unmarked, as when a process dies just before its mark reaches the database. After the restart
 * the relay sends that batch again: the duplicates the promise allows, which must be exact copies.
 */
import { worldId } from '@cpb/demo-world';
import type { ReceivedMessage } from '@cpb/kit/testing';
import { Client } from 'pg';
import { ask } from './evidence';
import type { Fault, FaultContext } from './faults';
import { check, graphql, sleep, until } from './probe';

/** The relay's batch size in the suite (`OUTBOX_RELAY_BATCH_SIZE`): small, so the backlog is several batches. */
export const SUITE_RELAY_BATCH_SIZE = 10;

const MARK_WAITING = `
  SELECT pid FROM pg_stat_activity
  WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE outbox SET published_at%'`;

const copiesOf = (messages: ReceivedMessage[], ids: Set<string>) => {
  const copies = new Map<string, number>();
  for (const m of messages) {
    const { source, id } = JSON.parse(m.value) as { source: string; id: string };
    if (source === '/cpb/organizations' && ids.has(id)) copies.set(id, (copies.get(id) ?? 0) + 1);
  }
  return copies;
};

/** `count` grids written through the gateway, four at a time: the backlog's events (`grid.created`); their ids. */
async function writeGrids(ctx: FaultContext, headers: Record<string, string>, count: number): Promise<string[]> {
  const ids: string[] = [];
  let left = count;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (left-- > 0) {
        const data = await graphql(
          ctx.stack.gatewayUrl,
          `mutation { createGrid(communityId: "${worldId('community', left % 3)}", name: "积压网格-${Date.now()}-${left}") { id } }`,
          headers,
          20_000,
        );
        ids.push((data.createGrid as { id: string }).id);
      }
    }),
  );
  return ids;
}

export function relayKill(headers: Record<string, string>): Fault {
  return {
    name: 'relay-kill-broker-outage',
    describe: `broker down while a backlog of several relay batches (${SUITE_RELAY_BATCH_SIZE} events) builds; broker up; organizations (its relay) SIGKILLed after sending a batch, before marking it sent; restarted`,
    async run(ctx) {
      const database = ctx.databaseOf('organizations');
      const unpublished = async () =>
        (await ask<{ n: number }>(database, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n;
      const wanted = SUITE_RELAY_BATCH_SIZE * (ctx.faultSeconds >= 5 ? 10 : 3);
      const lock = new Client({ connectionString: database });
      let batch: { seq: string; id: string }[] = [];
      let backlog = 0;
      let grids: string[] = [];
      await ctx.broker.down();
      try {
        await sleep(ctx.faultSeconds * 1000);
        // The load writes some resident units; the suite writes the rest of a backlog of several batches as grids.
        grids = await writeGrids(ctx, headers, Math.max(0, wanted - (await unpublished())));
        await lock.connect();
        await lock.query('BEGIN');
        const held = await lock.query<{ seq: string; id: string }>(
          'SELECT seq, id FROM outbox WHERE published_at IS NULL ORDER BY seq FOR UPDATE',
        );
        backlog = held.rows.length;
        batch = held.rows.slice(0, SUITE_RELAY_BATCH_SIZE); // the relay's first batch after the outage: the oldest rows
      } catch (error) {
        await lock.end().catch(() => undefined);
        throw error;
      } finally {
        await ctx.broker.up(); // whatever happened, the next faults need the broker
      }
      const batchIds = new Set(batch.map((r) => r.id));
      let killed = false;
      try {
        // The relay retries within its backoff, sends the first batch and waits to mark it.
        // (Asked on a fresh connection each time: inside the lock's transaction pg_stat_activity would not change.)
        await until(
          'the relay waiting to mark its first batch sent',
          async () => (await ask(database, MARK_WAITING)).length > 0,
          120_000,
          50,
        );
        await until('the first batch on the topic', async () => copiesOf(ctx.messages(), batchIds).size === batchIds.size, 60_000, 50);
        const victim = ctx.stack.services.find((s) => s.name === 'organizations')!;
        victim.child.process.kill('SIGKILL');
        await victim.child.exited;
        killed = true;
        await ask(database, `SELECT pg_terminate_backend(pid) FROM (${MARK_WAITING}) waiting`);
      } finally {
        await lock.query('ROLLBACK').catch(() => undefined);
        await lock.end().catch(() => undefined);
      }
      const [{ marked }] = await ask<{ marked: number }>(
        database,
        'SELECT count(*)::int AS marked FROM outbox WHERE seq = ANY($1::bigint[]) AND published_at IS NOT NULL',
        [batch.map((r) => r.seq)],
      );
      const leftAtKill = await unpublished();
      const restarted = Date.now();
      await ctx.stack.restart('organizations');
      const recoveryMs = Date.now() - restarted + (await until('the outbox empty again', async () => (await unpublished()) === 0));
      // The batch sent before the kill goes out again: wait for its second copies (the runner compares them byte for byte).
      await until(
        'the killed batch sent again',
        async () => [...copiesOf(ctx.messages(), batchIds).values()].every((n) => n >= 2),
        60_000,
        100,
      ).catch(() => undefined);
      const copies = copiesOf(ctx.messages(), batchIds);
      const [{ found }] = await ask<{ found: number }>(database, 'SELECT count(*)::int AS found FROM grid WHERE id = ANY($1::uuid[])', [
        grids,
      ]);
      return {
        recoveryMs,
        notes: [
          `${backlog} events waited (${grids.length} of them the suite's own createGrid); relay batch ${SUITE_RELAY_BATCH_SIZE}; killed with its first batch sent and ${marked} of it marked, ${leftAtKill} unpublished`,
        ],
        checks: [
          check(
            'the relay was killed mid-backlog, between sending a batch and marking it sent',
            killed && batch.length === SUITE_RELAY_BATCH_SIZE && marked === 0 && leftAtKill > batch.length,
            `first batch ${batch.length} sent, ${marked} marked; ${leftAtKill} of ${backlog} unpublished at the kill`,
          ),
          check(
            'that batch was sent again after the restart (the duplicates allowed)',
            copies.size === batch.length && [...copies.values()].every((n) => n >= 2),
            `${[...copies.values()].filter((n) => n >= 2).length} of ${batch.length} events of the batch seen twice or more`,
          ),
          check("the suite's own backlog writes are in the database", found === grids.length, `${found} of ${grids.length} grids found`),
        ],
      };
    },
  };
}
