/**
 * Resets the reference consumer so it rebuilds its read model from the beginning of its topics:
 *
 *   npm run analytics:reset            (with the analytics service stopped; same env as the service)
 *   in its container: node --import tsx services/analytics/src/reset.ts
 *
 * It joins the consumer group alone (refusing when any other member is in it, i.e. analytics still
 * runs), empties the read model and the processed-event ids in one transaction (else every event would
 * be skipped as already applied), then commits the group's offsets at the oldest message each partition
 * still keeps. The next start reads every topic in KAFKA_TOPICS from there.
 */
import 'reflect-metadata';
import { logLevel, type KafkaConfig } from 'kafkajs';
import { createLogger, kafkaClient, loadConfig, openDatabase, type ConsumerOptions } from '@cpb/kit';
import { analyticsEnvSchema, type AnalyticsConfig } from './config';
import { migrations } from './migrations';

export interface ResetResult {
  groupId: string;
  /** Offsets committed per topic and partition (the oldest message kept). */
  offsets: { topic: string; partition: number; offset: string }[];
}

const EMPTY_READ_MODEL = [
  `TRUNCATE community_month, registration, need, member_residence, community, skipped_event, processed_event`,
  `UPDATE read_model_state SET events_applied = 0, last_event_time = NULL`,
];

export async function resetAnalytics(
  env: NodeJS.ProcessEnv = process.env,
  tuning: {
    kafka?: Pick<KafkaConfig, 'connectionTimeout' | 'requestTimeout' | 'retry'>;
    group?: ConsumerOptions['group'];
    joinTimeoutMs?: number;
  } = {},
): Promise<ResetResult> {
  const config = loadConfig(analyticsEnvSchema, env) as AnalyticsConfig;
  const logger = createLogger('analytics-reset', config.LOG_LEVEL);
  const kafka = kafkaClient({
    clientId: `${config.KAFKA_GROUP_ID}-reset`,
    brokers: config.KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
    ...tuning.kafka,
  });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = (
    await Promise.all(
      config.KAFKA_TOPICS.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: p.low })),
      ),
    )
  ).flat();
  await admin.disconnect();

  const consumer = kafka.consumer({ groupId: config.KAFKA_GROUP_ID, sessionTimeout: 10_000, heartbeatInterval: 1_000, ...tuning.group });
  const assigned = new Promise<Record<string, number[]>>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, (e) => resolve(e.payload.memberAssignment)),
  );
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: config.KAFKA_TOPICS, fromBeginning: true });
    // Fetched batches are neither applied nor resolved: the reset only needs the group's membership.
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async ({ pause }) => void pause() });
    const assignment = await withTimeout(
      assigned,
      tuning.joinTimeoutMs ?? 30_000,
      `could not join consumer group ${config.KAFKA_GROUP_ID}`,
    );
    const missing = offsets.filter(({ topic, partition }) => !assignment[topic]?.includes(partition));
    if (missing.length) {
      throw new Error(
        `another member holds ${missing.length} partition(s) of group ${config.KAFKA_GROUP_ID}: stop the analytics service, then reset`,
      );
    }
    const database = await openDatabase({
      serviceName: 'analytics',
      url: config.DATABASE_URL,
      poolMax: 2,
      embeddedDataDir: config.EMBEDDED_DATA_DIR,
      entities: [],
      migrations,
      logger,
    });
    try {
      await database.dataSource.transaction(async (tx) => {
        for (const statement of EMPTY_READ_MODEL) await tx.query(statement);
      });
    } finally {
      await database.close();
    }
    await consumer.commitOffsets(offsets);
    logger.info(
      { groupId: config.KAFKA_GROUP_ID, topics: config.KAFKA_TOPICS },
      'read model emptied and offsets moved to the oldest kept messages',
    );
    return { groupId: config.KAFKA_GROUP_ID, offsets };
  } finally {
    await consumer.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

if (require.main === module) {
  resetAnalytics().then(
    (result) =>
      console.log(`reset ${result.groupId}: read model emptied; ${result.offsets.length} partitions start again from their oldest message`),
    (error: unknown) => {
      console.error(`analytics:reset: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
