import { join } from 'node:path';
import { z } from 'zod';
import { serviceEnvSchema } from '@cpb/kit';

const url = z.string().url();

/** Gateway settings: its port, the supergraph file, and where each subgraph answers. */
export const gatewayEnvSchema = serviceEnvSchema.pick({ NODE_ENV: true, HOST: true, LOG_LEVEL: true }).extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  SUPERGRAPH_PATH: z.string().default(join(__dirname, '..', '..', 'schemas', 'supergraph.graphql')),
  ORGANIZATIONS_URL: url.default('http://localhost:4001/graphql'),
  MEMBERS_URL: url.default('http://localhost:4002/graphql'),
  RESOURCES_URL: url.default('http://localhost:4003/graphql'),
  ACTIVITIES_URL: url.default('http://localhost:4004/graphql'),
  /** Milliseconds a subgraph fetch may take before it is abandoned. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});
export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

/** Subgraph name (as in the supergraph) to the URL this deployment reaches it at. */
export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return {
    organizations: config.ORGANIZATIONS_URL,
    members: config.MEMBERS_URL,
    resources: config.RESOURCES_URL,
    activities: config.ACTIVITIES_URL,
  };
}
