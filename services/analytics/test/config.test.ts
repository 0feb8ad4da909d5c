import { ConfigError, loadConfig } from '@cpb/kit';
import { analyticsEnvSchema } from '../src/config';
import { monthIn } from '../src/read-model';

it('needs KAFKA_BROKERS, and refuses a time zone the runtime does not know', () => {
  expect(() => loadConfig(analyticsEnvSchema, {})).toThrow(ConfigError);
  expect(() => loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092', READ_MODEL_TIME_ZONE: 'Mars/Olympus' })).toThrow(
    /READ_MODEL_TIME_ZONE: not an IANA time zone/,
  );
  expect(loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092' })).toMatchObject({
    PORT: 4005,
    KAFKA_BROKERS: ['kafka:9092'],
    KAFKA_GROUP_ID: 'cpb-analytics',
    READ_MODEL_TIME_ZONE: 'Asia/Shanghai',
  });
});

it('puts an hour in the month of the read model’s calendar, not of UTC', () => {
  const beijing = monthIn('Asia/Shanghai');
  expect(beijing('2026-05-31T15:59:59.000Z')).toBe('2026-05');
  expect(beijing('2026-05-31T16:00:00.000Z')).toBe('2026-06');
  expect(monthIn('UTC')('2026-05-31T16:00:00.000Z')).toBe('2026-05');
});

it('reads the four live topics unless KAFKA_TOPICS names others (a rebuild adds replay topics), and refuses a name Kafka would not take', () => {
  expect(loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092' }).KAFKA_TOPICS).toEqual([
    'organizations.events.v1',
    'members.events.v1',
    'resources.events.v1',
    'activities.events.v1',
  ]);
  expect(
    loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092', KAFKA_TOPICS: 'activities.events.v1.replay, activities.events.v1' })
      .KAFKA_TOPICS,
  ).toEqual(['activities.events.v1.replay', 'activities.events.v1']);
  expect(() => loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092', KAFKA_TOPICS: 'activities events' })).toThrow(
    /KAFKA_TOPICS.*a Kafka topic name/,
  );
});

it('waits 30 s for a dead member of its group unless KAFKA_SESSION_TIMEOUT_MS says otherwise, never under Kafka’s 6 s', () => {
  expect(loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092' }).KAFKA_SESSION_TIMEOUT_MS).toBe(30_000);
  expect(loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092', KAFKA_SESSION_TIMEOUT_MS: '6000' }).KAFKA_SESSION_TIMEOUT_MS).toBe(
    6_000,
  );
  for (const wrong of ['5999', 'soon', '300001'])
    expect(() => loadConfig(analyticsEnvSchema, { KAFKA_BROKERS: 'kafka:9092', KAFKA_SESSION_TIMEOUT_MS: wrong })).toThrow(
      /KAFKA_SESSION_TIMEOUT_MS/,
    );
});
