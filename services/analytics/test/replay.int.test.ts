import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { eventTopic, republishOutbox, startRelay, transactor, type CloudEvent, type DomainEvent } from '@cpb/kit';
import {
  createKitDatabase,
  createTestDatabase,
  startKafkaBroker,
  startTopicReader,
  type KafkaBroker,
  type KitDatabase,
  type TestDatabase,
} from '@cpb/kit/testing';
import { LIVE_TOPICS } from '../src/config';
import type { DistrictSummary } from '../src/reports';
import { resetAnalytics } from '../src/reset';
import { startAnalytics, type RunningAnalytics } from '../src/service';

/**
 * Rebuilding the reference read model, on the mock broker and real Postgres: from the topics after a
 * reset, and from the services' outbox archives republished to replay topics once the topics have
 * lost the history. Each time the figures must equal the ones first built from the live events.
 */
jest.setTimeout(240_000);

const SERVICES = ['organizations', 'members', 'resources', 'activities'] as const;
type Service = (typeof SERVICES)[number];
const replayTopic = (service: Service) => `${eventTopic(service)}.replay`;
const silent = pino({ level: 'silent' });
const tuning = {
  maxBackoffMs: 300,
  kafka: { connectionTimeout: 1_000, requestTimeout: 2_000, retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 500 } },
  group: { sessionTimeout: 6_000, rebalanceTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 50 },
};

let broker: KafkaBroker;
let archiveOnlyBroker: KafkaBroker;
const outboxes = new Map<Service, KitDatabase>();
const analyticsDbs: TestDatabase[] = [];
let analytics: RunningAnalytics | undefined;
let firstFigures: DistrictSummary;
let totalEvents = 0;

const topics = (partitions: number) => [...LIVE_TOPICS, ...SERVICES.map(replayTopic)].map((name) => ({ name, partitions }));

function analyticsEnv(databaseUrl: string, brokers: string[], groupId: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_GROUP_ID: groupId,
    ...extra,
  };
}

async function startUntilCaughtUp(env: NodeJS.ProcessEnv): Promise<RunningAnalytics> {
  analytics = await startAnalytics(env, tuning);
  await analytics.consumer.joined(30_000);
  const deadline = Date.now() + 60_000;
  while (analytics.consumer.stats.applied < totalEvents) {
    if (Date.now() > deadline) throw new Error(`applied ${analytics.consumer.stats.applied} of ${totalEvents} events`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return analytics;
}

async function summary(): Promise<DistrictSummary> {
  return (await (await fetch(`${analytics!.url}/read-model/summary`)).json()) as DistrictSummary;
}

/** Two communities' history across the four services, written through each service's outbox as its mutations would. */
function history(): Record<Service, DomainEvent[]> {
  const street = randomUUID();
  const [east, west] = [randomUUID(), randomUUID()];
  const event = (type: string, aggregateId: string, data: Record<string, unknown>): DomainEvent => ({
    type,
    aggregateType: type.split('.')[0],
    aggregateId,
    data,
  });
  const registration = (communityId: string) => {
    const memberId = randomUUID();
    return event('member.registered-with-community', memberId, {
      registrationId: randomUUID(),
      memberId,
      communityId,
      workUnitId: null,
      registeredOn: '2025-03-02',
    });
  };
  const need = (communityId: string) => {
    const needId = randomUUID();
    return event('need.raised', needId, { needId, communityId, title: '独居老人助餐', category: 'ELDERLY_CARE', raisedOn: '2025-04-03' });
  };
  const registrations = [registration(east), registration(east), registration(west)];
  const needs = [need(east), need(west), need(west)];
  const ended = registrations[0].data;
  const resolved = needs[1].data;
  // Three activities, four credited participations each, over three months: each activity's events keep their order.
  const credits = [east, west, east].flatMap((communityId, a) => {
    const activityId = randomUUID();
    return [0, 1, 2, 3].map((n) =>
      event('participation.hours-credited', activityId, {
        participationId: randomUUID(),
        activityId,
        memberId: randomUUID(),
        communityId,
        organizerId: randomUUID(),
        teamId: null,
        servedAt: `2025-0${5 + ((a + n) % 3)}-1${n}T02:00:00.000Z`,
        hours: 1 + n * 0.5,
      }),
    );
  });
  const cancelledActivity = randomUUID();
  return {
    organizations: [east, west].map((communityId, i) =>
      event('community.created', communityId, { communityId, streetId: street, name: ['东风社区', '向阳社区'][i] }),
    ),
    members: [
      ...registrations,
      event('member.registration-ended', String(ended.memberId), {
        registrationId: ended.registrationId,
        memberId: ended.memberId,
        communityId: ended.communityId,
        endedOn: '2025-09-30',
      }),
    ],
    resources: [
      ...needs,
      event('project.completed', String(resolved.needId), {
        projectId: randomUUID(),
        needId: resolved.needId,
        communityId: resolved.communityId,
        completedOn: '2025-08-20',
      }),
    ],
    activities: [
      ...credits,
      event('activity.cancelled', cancelledActivity, {
        activityId: cancelledActivity,
        communityId: east,
        wasPublished: true,
        cancelledSignUps: 2,
      }),
    ],
  };
}

beforeAll(async () => {
  broker = await startKafkaBroker({ topics: topics(3) });
  const events = history();
  for (const service of SERVICES) {
    const outbox = await createKitDatabase(`replay_${service}`, { serviceName: service, poolMax: 3 });
    outboxes.set(service, outbox);
    const { db } = outbox;
    const transact = transactor(db.dataSource);
    for (const event of events[service]) await transact(({ outbox }) => outbox.emit(event)); // one transaction per change
    totalEvents += events[service].length;
    const relay = startRelay({
      dataSource: db.dataSource,
      service,
      brokers: broker.brokers,
      logger: silent,
      pollIntervalMs: 50,
      kafka: tuning.kafka,
    });
    await relay.flush(30_000);
    await relay.stop();
  }
  const analyticsDb = await createTestDatabase('replay_analytics');
  analyticsDbs.push(analyticsDb);
  await startUntilCaughtUp(analyticsEnv(analyticsDb.url, broker.brokers, 'replay-test'));
  firstFigures = await summary();
});

afterAll(async () => {
  await analytics?.stop();
  await broker?.stop();
  await archiveOnlyBroker?.stop();
  for (const outbox of outboxes.values()) await outbox.drop();
  for (const db of analyticsDbs) await db.drop();
});

it('builds the figures it will be compared with from the live events', () => {
  expect(firstFigures.totals).toEqual({
    communities: 2,
    members: 0,
    registrations: { total: 3, active: 2 },
    needs: { open: 2, resolved: 1 },
    volunteerHours: 21,
    participations: 12,
  });
  expect(firstFigures.months.map((m) => m.month)).toEqual(['2025-05', '2025-06', '2025-07']);
  expect(totalEvents).toBe(23);
  expect(firstFigures.asOf.eventsApplied).toBe(totalEvents - 1); // activity.cancelled is applied once but feeds no figure
});

it('refuses to reset while the consumer runs, then resets: the read model empties and rebuilds from the topics to the same figures', async () => {
  const env = analyticsEnv(analyticsDbs[0].url, broker.brokers, 'replay-test');
  await expect(resetAnalytics(env, { kafka: tuning.kafka, group: tuning.group, joinTimeoutMs: 20_000 })).rejects.toThrow(
    /another member holds .* stop the analytics service/,
  );
  expect(await summary()).toEqual(firstFigures);

  await analytics!.stop();
  const reset = await resetAnalytics(env, { kafka: tuning.kafka, group: tuning.group });
  expect(reset.offsets).toHaveLength(LIVE_TOPICS.length * 3);
  expect(reset.offsets.every((o) => o.offset === '0')).toBe(true);

  const rebuilt = await startUntilCaughtUp(env);
  expect(rebuilt.consumer.stats).toMatchObject({ applied: totalEvents, duplicates: 0, failures: 0 }); // nothing skipped as already applied
  expect(await summary()).toEqual(firstFigures);
  await analytics!.stop();
  analytics = undefined;
});

it('rebuilds from the outbox archives, republished to replay topics in order per aggregate and marked as replayed, once the topics have lost the history', async () => {
  // A broker whose live topics keep none of the history (retention has passed): only the archives have it.
  archiveOnlyBroker = await startKafkaBroker({ topics: topics(3) });
  const activities = outboxes.get('activities')!.db.dataSource;
  await expect(
    republishOutbox({ dataSource: activities, service: 'activities', brokers: archiveOnlyBroker.brokers, topic: eventTopic('activities') }),
  ).rejects.toThrow(/live topic/);

  const started = Date.now();
  const replays = [];
  for (const service of SERVICES) {
    replays.push(
      await republishOutbox({
        dataSource: outboxes.get(service)!.db.dataSource,
        service,
        brokers: archiveOnlyBroker.brokers,
        topic: replayTopic(service),
        kafka: tuning.kafka,
      }),
    );
  }
  expect(replays.map((r) => r.events)).toEqual([2, 4, 4, 13]);

  const reader = await startTopicReader(archiveOnlyBroker.brokers, replayTopic('activities'));
  const records = await reader.waitFor((messages) => messages.length === 13, 20_000);
  await reader.stop();
  const events = records.map((record) => ({ record, event: JSON.parse(record.value) as CloudEvent }));
  const archive: { id: string; aggregate_id: string; occurred_at: Date }[] = await activities.query(
    `SELECT id, aggregate_id, occurred_at FROM outbox ORDER BY seq`,
  );
  for (const { record, event } of events) {
    const original = archive.find((row) => row.id === event.id)!;
    expect({ key: record.key, replayid: event.replayid, time: event.time }).toEqual({
      key: original.aggregate_id,
      replayid: replays[3].replayId,
      time: original.occurred_at.toISOString(),
    });
    expect(Date.parse(event.replayedat!)).toBeGreaterThanOrEqual(started - 1_000);
  }
  for (const aggregate of new Set(archive.map((row) => row.aggregate_id))) {
    const inOutbox = archive.filter((row) => row.aggregate_id === aggregate).map((row) => row.id);
    expect(events.filter(({ record }) => record.key === aggregate).map(({ event }) => event.id)).toEqual(inOutbox);
  }

  // A team rebuilding on a fresh database reads the replay topics beside the (empty) live ones.
  const fresh = await createTestDatabase('replay_rebuilt');
  analyticsDbs.push(fresh);
  const rebuilt = await startUntilCaughtUp(
    analyticsEnv(fresh.url, archiveOnlyBroker.brokers, 'replay-rebuild', {
      KAFKA_TOPICS: [...SERVICES.map(replayTopic), ...LIVE_TOPICS].join(','),
    }),
  );
  expect(rebuilt.consumer.stats).toMatchObject({ applied: totalEvents, failures: 0, rejected: 0 });
  expect(await summary()).toEqual(firstFigures);
});
