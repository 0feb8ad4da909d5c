/**
 * Runs the fault suite: its own Postgres cluster, the mock broker, the whole system as processes
 * (seeded demo district), a reader on every topic, a steady load through the gateway; then a quiet
 * baseline and each fault in turn. Each row's figures come from that fault's window.
 */
import { join } from 'node:path';
import { eventTopic, mintCallerToken } from '@cpb/kit';
import { freePort } from '@cpb/kit/launch';
import { startKafkaBroker, startTopicReader, type TopicReader } from '@cpb/kit/testing';
import { spawnNode } from '../lib/child';
import { serviceDatabaseUrl, startStack } from '../lib/stack';
import { subgraphs } from '../subgraphs';
import { startCluster } from './cluster';
import { deliveries, eventFigures, outboxMarks, producedBetween, writesFound, type EventFigures } from './evidence';
import { faults, type Check, type FaultContext } from './faults';
import { startLoad } from './load';
import { failuresOf, failureSummary, type Failure } from './probe';
import { SUITE_RELAY_BATCH_SIZE } from './relay-kill';
import { startSlowProxy } from './slow-proxy';

const root = join(__dirname, '..', '..');

export interface FaultRow {
  fault: string;
  describe: string;
  sent: number;
  succeeded: number;
  failedByCode: Record<string, number>;
  writesAcknowledged: number;
  writesFound: number;
  events: EventFigures;
  recoveryMs: number | null;
  checks: Check[];
  notes: string[];
  /** Every failed request of the window: operation, code, first error's message and path, when it began. */
  failures: Failure[];
}

export interface FaultOptions {
  quick: boolean;
  /** Fault names to run (default all). */
  only?: string[];
  workers?: number;
  log?: (line: string) => void;
  echo?: (line: string) => void;
}

/** The services' default: a busy shared machine answers a peer call in over a second at times. */
const PEER_TIMEOUT_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFaults(options: FaultOptions): Promise<FaultRow[]> {
  const log = options.log ?? ((line: string) => console.log(`[faults] ${line}`));
  const faultSeconds = options.quick ? 2 : 8;
  const services = subgraphs.map((s) => s.name);
  const prefix = 'faults_';
  const stops: (() => Promise<unknown>)[] = [];
  const rows: FaultRow[] = [];
  try {
    log('starting a throwaway Postgres cluster');
    const cluster = await startCluster();
    stops.unshift(() => cluster.stop());
    const databaseOf = (service: string) => serviceDatabaseUrl(cluster.serverUrl, `${prefix}${service}`);
    const broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: eventTopic(s.name), partitions: 3 })) });
    stops.unshift(() => broker.stop());
    const proxy = await startSlowProxy();
    stops.unshift(() => proxy.close());
    const env = {
      KAFKA_BROKERS: broker.brokers.join(','),
      LOG_LEVEL: 'error',
      APOLLO_TELEMETRY_DISABLED: '1',
      PEER_TIMEOUT_MS: String(PEER_TIMEOUT_MS),
    };
    log('starting the system (four subgraphs, the gateway) on it, demo district seeded');
    const stack = await startStack({
      serverUrl: cluster.serverUrl,
      databasePrefix: prefix,
      ports: 'free',
      env,
      // Only the relay that relay-kill kills sends small batches (so its backlog is several); the others keep the default
      // (500): at 10 a batch, consumer-kill's 5,000 events took activities' relay 500 round trips (418 s at load 30).
      serviceEnv: { organizations: { OUTBOX_RELAY_BATCH_SIZE: String(SUITE_RELAY_BATCH_SIZE) } },
      echo: options.echo,
      peerUrls: { ORGANIZATIONS_URL: proxy.url },
      readyTimeoutMs: 600_000,
    });
    stops.unshift(() => stack.stop());
    proxy.target = stack.services.find((s) => s.name === 'organizations')!.url;
    const readers: TopicReader[] = [];
    for (const s of services) readers.push(await startTopicReader(broker.brokers, eventTopic(s)));
    stops.unshift(() => Promise.all(readers.map((r) => r.stop())));
    const analyticsPort = await freePort();
    const analyticsDatabase = databaseOf('analytics');
    const analyticsProcesses: ReturnType<typeof spawnNode>[] = [];
    stops.unshift(() => Promise.all(analyticsProcesses.map((c) => c.stop())));
    const analytics = {
      databaseUrl: analyticsDatabase,
      output: [] as string[],
      start() {
        const child = spawnNode(
          'analytics',
          ['--import', 'tsx', join(root, 'services', 'analytics', 'src', 'index.ts')],
          // Kafka's shortest session: the restarted consumer gets the dead one's partitions 6 s after the kill, not 30.
          { ...env, DATABASE_URL: analyticsDatabase, PORT: String(analyticsPort), KAFKA_SESSION_TIMEOUT_MS: '6000' },
          (line) => {
            analytics.output.push(line);
            options.echo?.(line);
          },
        );
        analyticsProcesses.push(child);
        return child;
      },
    };

    const headers = { authorization: `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'faults' }, { expiresIn: '6h' })}` };
    const messages = () => readers.flatMap((r) => r.messages);
    const load = startLoad({ url: () => stack.gatewayUrl, headers, workers: options.workers ?? 4 });
    stops.unshift(() => load.stop());
    const ctx: FaultContext = {
      stack,
      broker,
      cluster,
      proxy,
      load,
      analytics,
      databaseOf,
      faultSeconds,
      peerTimeoutMs: PEER_TIMEOUT_MS,
      peek: () => load.peek(),
      messages,
      log,
    };

    /** Runs `body` as one window of the table: counts, then writes and events checked once things settled. */
    async function window(
      fault: string,
      describe: string,
      body: () => Promise<{ recoveryMs: number | null; checks: Check[]; notes: string[] }>,
    ): Promise<void> {
      log(`${fault}: ${describe}`);
      const from = await outboxMarks(services, databaseOf);
      load.cut();
      const opened = Date.now();
      const result = await body().catch((error: unknown) => ({
        recoveryMs: null,
        checks: [{ name: 'the fault ran to the end', ok: false, detail: String(error) }],
        notes: [],
      }));
      await sleep(faultSeconds * 500); // the load goes on a little after recovery
      const closed = load.cut();
      const to = await outboxMarks(services, databaseOf);
      const produced = await producedBetween(services, databaseOf, from, to);
      // Delivery takes the relay's poll and the readers' fetch: wait up to a minute for the window's events.
      const deadline = Date.now() + 60_000;
      while (eventFigures(produced, deliveries(messages())).delivered < produced.size && Date.now() < deadline) await sleep(250);
      const events = eventFigures(produced, deliveries(messages()));
      const found = await writesFound(closed.writes, databaseOf);
      const failedByCode: Record<string, number> = {};
      for (const o of closed.outcomes) if (o.code !== 'OK') failedByCode[o.code] = (failedByCode[o.code] ?? 0) + 1;
      const checks = [
        ...result.checks,
        { name: 'no acknowledged write lost', ok: found === closed.writes.length, detail: `${found} of ${closed.writes.length} found` },
        { name: 'no event lost', ok: events.delivered === events.produced, detail: `${events.delivered} of ${events.produced} delivered` },
        {
          name: 'duplicates only as exact copies',
          ok: events.differing === 0,
          detail: `${events.duplicates} duplicates, ${events.differing} differing`,
        },
        {
          name: 'never INTERNAL_SERVER_ERROR',
          ok: !failedByCode.INTERNAL_SERVER_ERROR,
          detail: `${failedByCode.INTERNAL_SERVER_ERROR ?? 0}`,
        },
      ];
      const row: FaultRow = {
        fault,
        describe,
        sent: closed.outcomes.length,
        succeeded: closed.outcomes.filter((o) => o.code === 'OK').length,
        failedByCode,
        writesAcknowledged: closed.writes.length,
        writesFound: found,
        events,
        recoveryMs: result.recoveryMs,
        checks,
        notes: result.notes,
        failures: failuresOf(closed.outcomes, opened),
      };
      rows.push(row);
      for (const line of failureSummary(row.failures)) log(`${fault}: failed ${line}`);
      const failed = checks.filter((c) => !c.ok);
      log(
        `${fault}: ${row.sent} sent, ${row.succeeded} ok, failed ${JSON.stringify(failedByCode)}, recovery ${result.recoveryMs ?? '-'} ms, ${result.notes.join('; ')}, writes ${found}/${closed.writes.length}, events ${events.delivered}/${events.produced}${failed.length ? `; FAILED: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}` : '; all checks hold'}`,
      );
    }

    // Warm-up, not counted: until the load has had 20 answers (plans cached, JIT warm).
    const warm = Date.now();
    while (load.peek().filter((o) => o.code === 'OK').length < 20 && Date.now() - warm < 300_000) await sleep(500);
    await window('baseline', 'no fault', async () => {
      await sleep(faultSeconds * 1000);
      return { recoveryMs: null, checks: [], notes: [] };
    });
    for (const fault of faults(headers)) {
      if (options.only && !options.only.includes(fault.name)) continue;
      await window(fault.name, fault.describe, () => fault.run(ctx));
    }
    return rows;
  } finally {
    for (const stop of stops) await stop().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}
