import {
  createLogger,
  createMetrics,
  loadConfig,
  observeConnectionPool,
  openDatabase,
  startConsumer,
  type ConsumerOptions,
  type Database,
  type EventConsumer,
} from '@cpb/kit';
import { analyticsEnvSchema, LIVE_TOPICS, type AnalyticsConfig } from './config';
import { startAnalyticsHttp } from './http';
import { migrations } from './migrations';
import { readModelProjection } from './read-model';

/** The streams the read model is built from: community names, volunteering, registrations, needs. */
export const ANALYTICS_TOPICS = LIVE_TOPICS;

/** Kafka timeouts and backoff, which tests shorten; production keeps the consumer's defaults. */
export type ConsumerTuning = Pick<ConsumerOptions, 'kafka' | 'group' | 'maxBackoffMs' | 'maxEventsPerTransaction'>;

export interface RunningAnalytics {
  config: AnalyticsConfig;
  /** Base URL of the HTTP API. */
  url: string;
  database: Database;
  consumer: EventConsumer;
  stop(): Promise<void>;
}

/** Starts analytics: its own database with migrations, the consumer, then the HTTP API. */
export async function startAnalytics(env: NodeJS.ProcessEnv = process.env, tuning: ConsumerTuning = {}): Promise<RunningAnalytics> {
  const config = loadConfig(analyticsEnvSchema, env) as AnalyticsConfig;
  const logger = createLogger('analytics', config.LOG_LEVEL);
  const metrics = createMetrics('analytics', config.NODE_ENV !== 'test');
  const database = await openDatabase({
    serviceName: 'analytics',
    url: config.DATABASE_URL,
    poolMax: config.DATABASE_POOL_MAX,
    embeddedDataDir: config.EMBEDDED_DATA_DIR,
    entities: [],
    migrations,
    logger,
    onStatement: () => metrics.statements.inc(),
  });
  const consumer = startConsumer({
    dataSource: database.dataSource,
    groupId: config.KAFKA_GROUP_ID,
    brokers: config.KAFKA_BROKERS,
    topics: config.KAFKA_TOPICS,
    logger,
    handle: readModelProjection(config.READ_MODEL_TIME_ZONE, logger),
    metrics: metrics.registry,
    ...tuning,
    group: {
      sessionTimeout: config.KAFKA_SESSION_TIMEOUT_MS,
      heartbeatInterval: Math.round(config.KAFKA_SESSION_TIMEOUT_MS / 10),
      ...tuning.group,
    },
  });
  observeConnectionPool(metrics.registry, database.dataSource);
  try {
    const http = await startAnalyticsHttp({
      dataSource: database.dataSource,
      isReady: () => database.isReady(),
      shutdownDelayMs: config.SHUTDOWN_DELAY_MS,
      metrics,
      logger,
      port: config.PORT,
      host: config.HOST,
    });
    return {
      config,
      url: http.url,
      database,
      consumer,
      async stop() {
        await http.stop();
        await consumer.stop();
        await database.close();
      },
    };
  } catch (error) {
    await consumer.stop();
    await database.close();
    throw error;
  }
}
