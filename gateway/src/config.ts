import { join } from 'node:path';
import { z } from 'zod';
import { devSecret, kafkaBrokersSetting, serviceEnvSchema, subgraphAddressesShape, urlOf } from '@cpb/kit/core';
import { subgraphs } from '@cpb/subgraphs';
import { dashboardEnvShape } from './dashboard-config';

/** Gateway settings: its port, the supergraph file, and where each subgraph answers and its secret (`subgraphAddressesShape`). */
export const gatewayEnvSchema = serviceEnvSchema
  .pick({
    NODE_ENV: true,
    HOST: true,
    LOG_LEVEL: true,
    SHUTDOWN_DELAY_MS: true,
  })
  .extend(subgraphAddressesShape(subgraphs))
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    SUPERGRAPH_PATH: z.string().default(join(__dirname, '..', '..', 'schemas', 'supergraph.graphql')),
    /** How often the supergraph file is re-read for a new version (ms); 0 reads it once at start. */
    SUPERGRAPH_POLL_MS: z.coerce.number().int().min(0).default(5_000),
    /** Milliseconds a subgraph fetch may take before it is abandoned. */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Keep-alive sockets per subgraph (per gateway process); more concurrent fetches queue for one. */
    SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).default(64),
    /**
     * Merge the entity fetches one request makes to one subgraph at the same step of its plan into one
     * operation (aliased `_entities`, gateway/src/entity-batching/): fewer subgraph requests, as the Hive
     * router's planner does. `false` sends each fetch of the plan on its own, as @apollo/gateway does.
     */
    ENTITY_FETCH_BATCHING: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /**
     * Identical query fetches in flight at once (same operation, variables, caller identity and language,
     * from concurrent requests) share one subgraph request, as Hive Gateway does by default; `false` sends
     * each on its own. Mutations are never shared.
     */
    SUBGRAPH_SHARE_INFLIGHT: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** Query-plan cache size (approximate MiB); plans are per operation text, so use variables. */
    QUERY_PLAN_CACHE_MIB: z.coerce.number().int().min(1).default(30),
    /**
     * The response cache: 0 (the default) turns it off; more keeps up to that many answers in this
     * process, or, with REDIS_URL, turns on the cache shared by every replica in Redis. Answers are kept
     * per caller scope as long as the subgraphs' cache hints allow, and evicted by the services' events
     * (so it needs KAFKA_BROKERS): docs/decisions/0019-response-cache-evicted-by-events.md.
     */
    RESPONSE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(0),
    /** Redis shared by the gateway replicas for the response cache, e.g. redis://127.0.0.1:6379; absent: in-process. */
    REDIS_URL: z.string().url().optional(),
    /** Prefix of the cache's Redis keys, so deployments (or test runs) sharing one Redis stay apart. */
    REDIS_KEY_PREFIX: z.string().min(1).default('cpb:gateway:'),
    /** The Kafka the services publish their events to: the response cache's evictor reads them. */
    KAFKA_BROKERS: kafkaBrokersSetting,
    /** Gateway processes sharing the port (Node cluster); 1 runs in this process alone. */
    GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    /** Callers' tokens: HS256 with this shared key, or RS256/ES256 from JWKS_URL when that is set. */
    JWT_SECRET: z.string().min(16).default(devSecret('jwt')),
    JWKS_URL: z.string().url().optional(),
    JWT_ISSUER: z.string().default('cpb-identity'),
    JWT_AUDIENCE: z.string().default('cpb-gateway'),
    /** Longest lifetime (exp after iat, or after now without iat) a caller token may have; longer ones are refused. */
    JWT_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).default(43_200),
    /**
     * Hardening limits, refused with QUERY_LIMIT_EXCEEDED before any subgraph is asked: depth, aliases
     * and tokens (graphql-armor, the parser), and MAX_COST, the most objects an operation may answer as
     * estimated from its lists' page sizes (gateway/src/data-cost/).
     */
    MAX_DEPTH: z.coerce.number().int().min(2).default(10),
    MAX_ALIASES: z.coerce.number().int().min(1).default(15),
    MAX_COST: z.coerce.number().int().min(100).default(50_000),
    MAX_TOKENS: z.coerce.number().int().min(100).default(2000),
    MAX_BODY: z.string().default('100kb'),
  })
  .extend(dashboardEnvShape);
export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

/** Subgraph name (as in the supergraph) to the URL this deployment reaches it at. */
export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return Object.fromEntries(subgraphs.map((s) => [s.name, urlOf(config, s)]));
}
