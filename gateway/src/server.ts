import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { assertProductionSecrets, createLogger, createMetrics, secretOf, startGraphQLServer, type RunningServer } from '@cpb/kit';
import { callerAuthenticator } from './auth';
import { subgraphUrls, type GatewayConfig } from './config';
import { SubgraphSource } from './subgraph-source';

/**
 * Builds the gateway from the committed static supergraph: it never polls or needs the subgraphs
 * at start-up, so one that is down only costs the fields it serves.
 */
export function createGateway(config: GatewayConfig): ApolloGateway {
  const urls = subgraphUrls(config);
  // Node's fetch keeps connections alive per subgraph; the timeout bounds a hanging subgraph.
  return new ApolloGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) =>
      new SubgraphSource(name, secretOf(config, name), {
        url: urls[name] ?? url,
        fetcher: (input, init) => fetch(input as string, { ...(init as RequestInit), signal: AbortSignal.timeout(config.SUBGRAPH_TIMEOUT_MS) }) as never,
      }),
  });
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
  const server = await startGraphQLServer({
    name: 'gateway',
    gateway: createGateway(config),
    port: config.PORT,
    host: config.HOST,
    logger,
    metrics,
    production: config.NODE_ENV === 'production',
    isReady: async () => ready,
    context: (request) => request,
    authenticate: callerAuthenticator(config),
    plugins: protection.plugins,
    validationRules: protection.validationRules,
    bodyLimit: config.MAX_BODY,
  });
  ready = true;
  return server;
}
