/**
 * Hive Gateway configured to do the same work per request as ours, so the comparison is of the
 * gateways and not of what they are asked to do: the caller's JWT verified once per request with our
 * own authenticator, the identity signed per subgraph fetch with that subgraph's secret (header
 * x-cpb-identity, what our subgraphs require), the request's language forwarded as ours does, and the same
 * graphql-armor limits.
 * Loaded by the hive-gateway CLI (`-c gateway.config.cjs`), which scripts/bench/hive-gateway.ts starts under tsx.
 */
import { defineConfig } from '@graphql-hive/gateway';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { askedLocale, INTERNAL_IDENTITY_HEADER, loadConfig, secretOf, signInternal, type Actor } from '@cpb/kit';
import { callerAuthenticator } from '../../../gateway/src/auth';
import { gatewayEnvSchema } from '../../../gateway/src/config';
import { reusedIdentities } from '../../../gateway/src/identity';

const config = loadConfig(gatewayEnvSchema);
const authenticate = callerAuthenticator(config);
const actors = new WeakMap<object, Promise<Actor>>();
// The same identity reuse as ours (gateway/src/identity.ts): application logic, not gateway machinery.
const sign = reusedIdentities((actor, subgraph) => signInternal(actor, secretOf(config, subgraph), subgraph));

export const gatewayConfig = defineConfig({
  supergraph: process.env.BENCH_SUPERGRAPH ?? config.SUPERGRAPH_PATH,
  logging: 'warn',
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request, context, subgraphName }) => {
      let actor = actors.get(context);
      if (!actor) actors.set(context, (actor = authenticate({ authorization: request.headers.get('authorization') ?? undefined })));
      return { [INTERNAL_IDENTITY_HEADER]: await sign(await actor, subgraphName), 'accept-language': askedLocale(request.headers.get('accept-language') ?? undefined) };
    },
  },
  plugins: () =>
    new EnvelopArmor({
      maxDepth: { n: config.MAX_DEPTH },
      maxAliases: { n: config.MAX_ALIASES },
      costLimit: { maxCost: config.MAX_COST },
      maxTokens: { n: config.MAX_TOKENS },
      maxDirectives: { n: 20 },
      blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
    }).protect().plugins,
});
