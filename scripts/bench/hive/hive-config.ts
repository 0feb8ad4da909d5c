/**
 * Hive Gateway configured to do the same work per request as ours, so the comparison is of the
 * gateways and not of what they are asked to do: the caller's JWT verified once per request with our
 * own authenticator, the identity signed per subgraph fetch with that subgraph's secret (header
 * x-cpb-identity, what our subgraphs require), the request's language forwarded as ours does, the same
 * graphql-armor limits and our estimate of the amount of data (gateway/src/data-cost/) before execution.
 * Loaded by the hive-gateway CLI (`-c gateway.config.cjs`), which scripts/bench/hive-gateway.ts starts under tsx.
 * With BENCH_HIVE_PLANNER=router the same gateway plans with the Rust query planner of
 * @graphql-hive/router-runtime instead of its JavaScript one: the only difference between the two targets.
 */
import { readFileSync } from 'node:fs';
import { defineConfig, type GatewayPlugin } from '@graphql-hive/gateway';
import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { askedLocale, INTERNAL_IDENTITY_HEADER, loadConfig, secretOf, signInternal, type Actor } from '@cpb/kit';
import { callerAuthenticator } from '../../../gateway/src/auth';
import { gatewayEnvSchema } from '../../../gateway/src/config';
import { reusedIdentities } from '../../../gateway/src/identity';
import { estimateCost } from '../../../gateway/src/data-cost/estimate';
import { listSizesOf } from '../../../gateway/src/data-cost/list-sizes';
import { dataCostRefusal } from '../../../gateway/src/data-cost/refusal';

const config = loadConfig(gatewayEnvSchema);
const authenticate = callerAuthenticator(config);
const actors = new WeakMap<object, Promise<Actor>>();
// The same identity reuse as ours (gateway/src/identity.ts): application logic, not gateway machinery.
const sign = reusedIdentities((actor, subgraph) => signInternal(actor, secretOf(config, subgraph), subgraph));

const supergraph = process.env.BENCH_SUPERGRAPH ?? config.SUPERGRAPH_PATH;
const sizes = listSizesOf(readFileSync(supergraph, 'utf8'));

/** Our limit on the amount of data, at the same point as ours: the operation and its variables known, nothing executed yet. */
const dataCost: GatewayPlugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return;
    const fragments = (args.document as DocumentNode).definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    const estimate = estimateCost(args.schema, operation, fragments, args.variableValues ?? undefined, sizes);
    if (estimate.cost > config.MAX_COST) setResultAndStopExecution({ errors: [dataCostRefusal(estimate, config.MAX_COST)] });
  },
};

export const gatewayConfig = defineConfig({
  supergraph,
  ...(process.env.BENCH_HIVE_PLANNER === 'router' ? { unifiedGraphHandler } : {}),
  logging: 'warn',
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request, context, subgraphName }) => {
      let actor = actors.get(context);
      if (!actor) actors.set(context, (actor = authenticate({ authorization: request.headers.get('authorization') ?? undefined })));
      return {
        [INTERNAL_IDENTITY_HEADER]: await sign(await actor, subgraphName),
        'accept-language': askedLocale(request.headers.get('accept-language') ?? undefined),
      };
    },
  },
  plugins: () => [
    ...new EnvelopArmor({
      maxDepth: { n: config.MAX_DEPTH },
      maxAliases: { n: config.MAX_ALIASES },
      costLimit: { enabled: false },
      maxTokens: { n: config.MAX_TOKENS },
      maxDirectives: { n: 20 },
      blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
    }).protect().plugins,
    dataCost,
  ],
});
