import { ApolloGateway } from '@apollo/gateway';
import {
  assertProductionSecrets,
  createLogger,
  createMetrics,
  secretOf,
  signInternal,
  startGraphQLServer,
  type Logger,
  type Metrics,
  type RequestInfo,
  type RunningServer,
} from '@cpb/kit/core';
import { subgraphNames } from '@cpb/subgraphs';
import { callerAuthenticator } from './auth';
import { subgraphUrls, type GatewayConfig } from './config';
import { CountedPlanCache, gatewayMetrics, observedFetcher } from './gateway-metrics';
import { dashboardServerOptions } from './dashboard';
import { fileProxy } from './file-proxy';
import { reusedIdentities } from './identity';
import { queryLimits } from './query-limits';
import { startResponseCache } from './response-cache';
import { supergraphFile } from './supergraph-file';
import { SubgraphSource } from './subgraph-source';
import { SubgraphTransport, transportFetcher } from './subgraph-transport';

/**
 * Builds the gateway from the supergraph file: it never polls or needs the subgraphs at start-up,
 * so one that is down only costs the fields it serves. A changed file is swapped in without a restart.
 */
export function createGateway(
  config: GatewayConfig,
  observe: { logger?: Logger; metrics?: Metrics } = {},
): { gateway: ApolloGateway; close(): void } {
  const urls = subgraphUrls(config);
  const metrics = observe.metrics ?? createMetrics('gateway', false);
  const observed = gatewayMetrics(metrics);
  const identity = reusedIdentities((actor, subgraph) => signInternal(actor, secretOf(config, subgraph), subgraph));
  const transports: SubgraphTransport[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFile({
      path: config.SUPERGRAPH_PATH,
      pollMs: config.SUPERGRAPH_POLL_MS,
      logger: observe.logger ?? createLogger('gateway', 'silent'),
      registry: metrics.registry,
    }),
    // QUERY_PLAN_CACHE_MIB of plans (the default 30 MiB holds thousands), hits and misses counted.
    queryPlannerConfig: { cache: new CountedPlanCache(config.QUERY_PLAN_CACHE_MIB, observed) },
    buildService: ({ name, url }) => {
      const target = urls[name] ?? url!;
      // Bounded keep-alive sockets per subgraph; the timeout bounds a hanging subgraph.
      const transport = new SubgraphTransport(target, { maxSockets: config.SUBGRAPH_MAX_SOCKETS, timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
      transports.push(transport);
      const shared = observed.fetchesShared.labels({ subgraph: name });
      shared.inc(0);
      return new SubgraphSource(
        name,
        identity,
        {
          url: target,
          fetcher: observedFetcher(
            name,
            transportFetcher(target, transport, { shareInflight: config.SUBGRAPH_SHARE_INFLIGHT, onShared: () => shared.inc() }),
            observed,
          ),
          batchEntityFetches: config.ENTITY_FETCH_BATCHING,
        },
        observe.logger,
      );
    },
  });
  return { gateway, close: () => transports.forEach((t) => t.close()) };
}

export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  assertProductionSecrets(config, subgraphNames);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createMetrics('gateway', config.NODE_ENV !== 'test');
  const limits = queryLimits<RequestInfo>(config);
  const dashboard = dashboardServerOptions(config, logger);
  let ready = false;
  const { gateway, close } = createGateway(config, { logger, metrics });
  const cache = await startResponseCache(config, logger, gatewayMetrics(metrics));
  const authenticate = callerAuthenticator(config);
  const files = fileProxy(config, authenticate, logger);
  // A start that fails (its port taken) leaves nothing running behind it.
  const server = await startGraphQLServer({
    name: 'gateway',
    gateway,
    port: config.PORT,
    host: config.HOST,
    logger,
    metrics,
    production: config.NODE_ENV === 'production',
    isReady: async () => ready,
    shutdownDelayMs: config.SHUTDOWN_DELAY_MS,
    context: (request) => request,
    authenticate,
    ...dashboard,
    routes: (app) => {
      // GraphQL answers are POST responses no client revalidates: no SHA-1 ETag of every body.
      app.set('etag', false);
      files(app);
      dashboard.routes?.(app);
    },
    plugins: [...limits.plugins, ...dashboard.plugins, ...cache.plugins],
    validationRules: limits.validationRules,
    maxTokens: limits.maxTokens,
    bodyLimit: config.MAX_BODY,
  }).catch(async (error: unknown) => {
    await cache.stop();
    close();
    throw error;
  });
  ready = true;
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await cache.stop();
      close();
    },
  };
}

// What a harness needs to start the gateway in-process (the kit's testing entry): the settings' schema.
export { gatewayEnvSchema, type GatewayConfig } from './config';
