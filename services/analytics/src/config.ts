import { kafkaEnvSchema, serviceEnvSchema } from '@cpb/kit';
import { subgraphs } from '@cpb/subgraphs';
import { z } from 'zod';

/** The subgraphs' topics: what the read model is built from. */
export const LIVE_TOPICS = subgraphs.map((s) => s.topic);

/** Whether the runtime knows an IANA time zone (Node ships full ICU). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The analytics consumer's settings: the kit's database and logging ones, plus its Kafka group and calendar. */
export const analyticsEnvSchema = serviceEnvSchema
  .pick({
    NODE_ENV: true,
    HOST: true,
    LOG_LEVEL: true,
    SHUTDOWN_DELAY_MS: true,
    DATABASE_URL: true,
    DATABASE_POOL_MAX: true,
    EMBEDDED_DATA_DIR: true,
  })
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4005),
    KAFKA_BROKERS: kafkaEnvSchema.shape.KAFKA_BROKERS,
    /**
     * The topics it reads: the four services' live topics by default; a rebuild from an archive replay
     * adds the replay topics (docs/events.md, "Retention and replay"). An event on two topics counts once.
     */
    KAFKA_TOPICS: z.preprocess(
      (v) =>
        typeof v === 'string' && v.trim() !== ''
          ? v
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean)
          : undefined,
      z
        .array(z.string().regex(/^[a-zA-Z0-9._-]+$/, 'a Kafka topic name'))
        .min(1)
        .default(LIVE_TOPICS),
    ),
    /** Its own consumer group, so it gets every event whatever other consumers do. */
    KAFKA_GROUP_ID: z.string().min(1).default('cpb-analytics'),
    /** How long the group waits for a member that stopped answering before its partitions go to another (Kafka's minimum is 6 s). */
    KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
    /** The calendar that decides which month an hour of service falls in (the communities keep Beijing time). */
    READ_MODEL_TIME_ZONE: z.string().refine(isTimeZone, 'not an IANA time zone').default('Asia/Shanghai'),
  })
  // Unlike the services, analytics has nothing to do without a broker: it only reads topics.
  .refine((config) => config.KAFKA_BROKERS !== undefined, {
    path: ['KAFKA_BROKERS'],
    message: 'required: analytics reads the services’ topics',
  });

export type AnalyticsConfig = z.infer<typeof analyticsEnvSchema> & { KAFKA_BROKERS: string[] };
