import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { createLogger, createMetrics, startGraphQLServer, type RunningServer } from '@cpb/kit';
import { subgraphUrls, type GatewayConfig } from './config';
import { SubgraphSource } from './subgraph-source';

/**
 * Builds the gateway from the committed static supergraph: it never polls or needs the subgraphs
 * at start-up, so one that is down only costs the fields it serves.
 */
export function createGateway(config: GatewayConfig): ApolloGateway {
  const urls = subgraphUrls(config);
  return new ApolloGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) => new SubgraphSource({ url: urls[name] ?? url }),
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createMetrics('gateway', config.NODE_ENV !== 'test');
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
  });
  ready = true;
  return server;
}
