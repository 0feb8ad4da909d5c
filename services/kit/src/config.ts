import { z } from 'zod';

/** Settings every subgraph service reads; each service extends this with its own. */
export const serviceEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Postgres connection string naming this service's own database; absent means embedded PGlite. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Where embedded PGlite keeps its files (one sub-folder per service). */
  EMBEDDED_DATA_DIR: z.string().default('.data'),
  /** Seed the demo data set at start-up when the database is empty. */
  SEED_DEMO: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Where the other subgraphs answer, for the few checks a service makes synchronously (see docs/decisions/0003). */
  ORGANIZATIONS_URL: z.string().url().default('http://localhost:4001/graphql'),
  MEMBERS_URL: z.string().url().default('http://localhost:4002/graphql'),
  RESOURCES_URL: z.string().url().default('http://localhost:4003/graphql'),
  ACTIVITIES_URL: z.string().url().default('http://localhost:4004/graphql'),
  PEER_TIMEOUT_MS: z.coerce.number().int().min(50).default(3000),
});

export class ConfigError extends Error {}

/** Parses and validates settings once, at start-up, with one clear line per wrong value. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Builds the env schema of a subgraph service: the shared settings plus its default port. */
export function subgraphEnvSchema(defaultPort: number) {
  return serviceEnvSchema.extend({ PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort) });
}
export type SubgraphConfig = z.infer<ReturnType<typeof subgraphEnvSchema>>;
