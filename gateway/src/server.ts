import { ApolloGateway } from '@apollo/gateway';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { assertProductionSecrets, createLogger, createMetrics, secretOf, signInternal, startGraphQLServer, type Logger, type Metrics, type RequestInfo, type RunningServer } from '@cpb/kit/core';
import { callerAuthenticator } from './auth';
import { subgraphUrls, type GatewayConfig } from './config';
import { reusedIdentities } from './identity';
import { responseCachePlugin } from './response-cache';
import { supergraphFile } from './supergraph-file';
import { SubgraphSource } from './subgraph-source';
import { SubgraphTransport, transportFetcher } from './subgraph-transport';

/**
 * Builds the gateway from the supergraph file: it never polls or needs the subgraphs at start-up,
 * so one that is down only costs the fields it serves. A changed file is swapped in without a restart.
 */
export function createGateway(config: GatewayConfig, observe: { logger?: Logger; metrics?: Metrics } = {}): { gateway: ApolloGateway; close(): void } {
  const urls = subgraphUrls(config);
  const identity = reusedIdentities((actor, subgraph) => signInternal(actor, secretOf(config, subgraph), subgraph));
  const transports: SubgraphTransport[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFile({ path: config.SUPERGRAPH_PATH, pollMs: config.SUPERGRAPH_POLL_MS, logger: observe.logger ?? createLogger('gateway', 'silent'), registry: observe.metrics?.registry }),
    // The workload has a handful of operations; the default 30 MiB holds thousands of plans.
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MIB,
    buildService: ({ name, url }) => {
      const target = urls[name] ?? url!;
      // Bounded keep-alive sockets per subgraph; the timeout bounds a hanging subgraph.
      const transport = new SubgraphTransport(target, { maxSockets: config.SUBGRAPH_MAX_SOCKETS, timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
      transports.push(transport);
      return new SubgraphSource(name, identity, { url: target, fetcher: transportFetcher(target, transport) });
    },
  });
  return { gateway, close: () => transports.forEach((t) => t.close()) };
}

/** Depth, alias, cost and token limits, refused before planning (graphql-armor). */
function armor(config: GatewayConfig) {
  return new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH },
    maxAliases: { n: config.MAX_ALIASES },
    costLimit: { maxCost: config.MAX_COST },
    maxTokens: { n: config.MAX_TOKENS },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  }).protect();
}

export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  assertProductionSecrets(config, ['organizations', 'members', 'resources', 'activities']);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createMetrics('gateway', config.NODE_ENV !== 'test');
  const protection = armor(config);
  let ready = false;
  const { gateway, close } = createGateway(config, { logger, metrics });
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
    authenticate: callerAuthenticator(config),
    plugins: [...protection.plugins, ...(config.RESPONSE_CACHE_ENTRIES > 0 ? [responseCachePlugin<RequestInfo>(config.RESPONSE_CACHE_ENTRIES)] : [])],
    validationRules: protection.validationRules,
    bodyLimit: config.MAX_BODY,
  });
  ready = true;
  return {
    ...server,
    stop: async () => {
      await server.stop();
      close();
    },
  };
}
