import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './clock';
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
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  PEER_TIMEOUT_MS: z.coerce.number().int().min(50).default(3000),
  /** The district's time zone: what "today" means for dates that are calendar days (see clock.ts). */
  TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Shanghai').default(DEFAULT_TIME_ZONE),
  /**
   * On SIGTERM, how long `/ready` answers 503 while requests are still served, before the listener
   * closes: long enough for the load balancer to stop sending (Kubernetes: a few seconds).
   */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
});

/**
 * A subgraph as the kit needs to know it: its name, default port and the variable holding its URL.
 * The list of them is the federation's (`@cpb/subgraphs`), given to the kit by whoever starts one.
 */
/** `KAFKA_BROKERS`: a comma-separated `host:port` list, read as an array; absent or empty: no Kafka. */
export const kafkaBrokersSetting = z.preprocess(
  (v) =>
    typeof v === 'string' && v.trim() !== ''
      ? v
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean)
      : undefined,
  z
    .array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port'))
    .min(1)
    .optional(),
);

export interface SubgraphAddress {
  name: string;
  port: number;
  urlVariable: string;
  /** The entity types whose facts peers ask it for (`Peers.find`), from the list. */
  owns?: readonly string[];
}

/** The variable of a subgraph's own secret: it verifies identity headers with it; the gateway and peers sign with it. */
const secretVariable = (name: string) => `${name.toUpperCase()}_SECRET`;

/**
 * The settings that reach the given subgraphs (the gateway all of them; a service its peers, for the
 * few checks it makes synchronously: docs/decisions/0003): where each answers (`<urlVariable>`, by default on
 * localhost at its port), its secret (`<NAME>_SECRET`) and, during a key rotation, a second key it
 * accepts (`<NAME>_SECRET_PREVIOUS`). Read them with `urlOf`, `secretOf` and `acceptedKeysOf`: the
 * names come from the list, so the shape is typed as adding no known key.
 */
export function subgraphAddressesShape(subgraphs: readonly SubgraphAddress[]): Record<never, never> {
  const secret = (name: string) => z.string().min(16, 'must be at least 16 characters').default(devSecret(name));
  // A second key the subgraph accepts but nobody signs with: the next key before it is promoted, or
  // the previous one until every signer has moved on (the rotation in docs/operations.md).
  const previous = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'must be at least 16 characters').optional());
  return Object.fromEntries(
    subgraphs.flatMap((s) => [
      [s.urlVariable, z.string().url().default(`http://localhost:${s.port}/graphql`)],
      [secretVariable(s.name), secret(s.name)],
      [`${secretVariable(s.name)}_PREVIOUS`, previous],
    ]),
  );
}

/** A setting `subgraphAddressesShape` added; a missing one is a bug in how the config was built, not a user's mistake. */
function addressSetting(config: object, variable: string): string {
  const value = (config as Record<string, unknown>)[variable];
  if (typeof value !== 'string') throw new Error(`${variable} is not part of this configuration (see subgraphAddressesShape)`);
  return value;
}

/** Where the subgraph answers in this deployment. */
export function urlOf(config: object, subgraph: SubgraphAddress): string {
  return addressSetting(config, subgraph.urlVariable);
}

/** The secret of the named subgraph: the one its identity headers are signed with. */
export function secretOf(config: object, name: string): string {
  return addressSetting(config, secretVariable(name));
}

/** The keys the named subgraph accepts: its current secret and, during a rotation, `<NAME>_SECRET_PREVIOUS`. */
export function acceptedKeysOf(config: object, name: string): { current: string; previous?: string } {
  const previous = (config as Record<string, unknown>)[`${secretVariable(name)}_PREVIOUS`];
  return { current: secretOf(config, name), ...(typeof previous === 'string' ? { previous } : {}) };
}

/** In production every secret must be set: a development default would let anyone forge identities. */
export function assertProductionSecrets(config: { NODE_ENV: string }, names: readonly string[]): void {
  if (config.NODE_ENV !== 'production') return;
  const unset = names.filter((name) => secretOf(config, name) === devSecret(name));
  if (unset.length)
    throw new ConfigError(`Invalid configuration:\n${unset.map((n) => `  ${secretVariable(n)}: must be set in production`).join('\n')}`);
}

export class ConfigError extends Error {}

/** Parses and validates settings once, at start-up, with one clear line per wrong value. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Builds the env schema of a subgraph service: the shared settings, its default port, and how to reach `peers`. */
export function subgraphEnvSchema(defaultPort: number, peers: readonly SubgraphAddress[] = []) {
  return serviceEnvSchema
    .extend({ PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort) })
    .extend(subgraphAddressesShape(peers));
}
export type SubgraphConfig = z.infer<ReturnType<typeof subgraphEnvSchema>>;
