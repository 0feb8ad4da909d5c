/**
 * Republishes a service's archived events to a replay topic (docs/events.md, "Retention and replay"):
 *
 *   DATABASE_URL=… KAFKA_BROKERS=… npm run events:republish -- --service activities \
 *     --topic activities.events.v1.replay [--since 2024-01-01] [--until 2025-01-01] [--type participation.hours-credited]…
 *
 * `--service` is one of the subgraphs (@cpb/subgraphs); the kit's republishOutbox does the work.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { loadConfig, republishOutbox } from '@cpb/kit';
import { subgraphNames } from '@cpb/subgraphs';

const envSchema = z.object({
  // The archive is read on a server; an embedded PGlite folder must not be opened beside its running service.
  DATABASE_URL: z.string().url(),
  KAFKA_BROKERS: z
    .string({ error: 'required: host:port,…' })
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1, 'required: host:port,…')),
});

const argsSchema = z.object({
  service: z.string().refine((name) => subgraphNames.includes(name), `one of ${subgraphNames.join(', ')}`),
  topic: z.string().regex(/^[a-zA-Z0-9._-]+$/, 'a Kafka topic name'),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  type: z.array(z.string()).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      service: { type: 'string' },
      topic: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      type: { type: 'string', multiple: true },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`events:republish: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const env = loadConfig(envSchema, process.env);
  const dataSource = await new DataSource({ type: 'postgres', url: env.DATABASE_URL, extra: { max: 1 } }).initialize();
  try {
    const args = parsed.data;
    const result = await republishOutbox({
      dataSource,
      service: args.service,
      brokers: env.KAFKA_BROKERS,
      topic: args.topic,
      since: args.since,
      until: args.until,
      types: args.type,
    });
    console.log(`republished ${result.events} ${args.service} events to ${result.topic} (replayid ${result.replayId})`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`events:republish: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
