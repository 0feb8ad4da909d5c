import { z } from 'zod';
import { devSecret } from './dev-secret';

export { devSecret };

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
  /**
   * On SIGTERM, how long `/ready` answers 503 while requests are still served, before the listener
   * closes: long enough for the load balancer to stop sending (Kubernetes: a few seconds).
   */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  ...subgraphSecretsShape(),
});

/** Each subgraph's own secret: it verifies the signed identity header with it; the gateway and peers sign with it. */
function subgraphSecretsShape() {
  const secret = (name: string) => z.string().min(16, 'must be at least 16 characters').default(devSecret(name));
  // A second key the subgraph accepts but nobody signs with: the next key before it is promoted, or
  // the previous one until every signer has moved on (the rotation in docs/operations.md).
  const previous = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'must be at least 16 characters').optional());
  return {
    ORGANIZATIONS_SECRET: secret('organizations'),
    MEMBERS_SECRET: secret('members'),
    RESOURCES_SECRET: secret('resources'),
    ACTIVITIES_SECRET: secret('activities'),
    ORGANIZATIONS_SECRET_PREVIOUS: previous,
    MEMBERS_SECRET_PREVIOUS: previous,
    RESOURCES_SECRET_PREVIOUS: previous,
    ACTIVITIES_SECRET_PREVIOUS: previous,
  };
}


export interface SubgraphSecrets {
  ORGANIZATIONS_SECRET: string;
  MEMBERS_SECRET: string;
  RESOURCES_SECRET: string;
  ACTIVITIES_SECRET: string;
}

/** The secret of the named subgraph: the one its identity headers are signed with. */
export function secretOf(config: SubgraphSecrets, name: string): string {
  return config[`${name.toUpperCase()}_SECRET` as keyof SubgraphSecrets];
}

/** The keys the named subgraph accepts: its current secret and, during a rotation, `<NAME>_SECRET_PREVIOUS`. */
export function acceptedKeysOf(config: SubgraphSecrets & Partial<Record<string, unknown>>, name: string): { current: string; previous?: string } {
  const previous = config[`${name.toUpperCase()}_SECRET_PREVIOUS`];
  return { current: secretOf(config, name), ...(typeof previous === 'string' ? { previous } : {}) };
}

/** In production every secret must be set: a development default would let anyone forge identities. */
export function assertProductionSecrets(config: SubgraphSecrets & { NODE_ENV: string }, names: string[]): void {
  if (config.NODE_ENV !== 'production') return;
  const unset = names.filter((name) => secretOf(config, name) === devSecret(name));
  if (unset.length) throw new ConfigError(`Invalid configuration:\n${unset.map((n) => `  ${n.toUpperCase()}_SECRET: must be set in production`).join('\n')}`);
}

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
