/**
 * Refuses, before the query is planned or any subgraph asked, an operation whose estimated amount of
 * data (estimate.ts) is over the limit. It runs once the operation is resolved, when the request's
 * variables are known (a validation rule would not see them, and `first: $first` is how pages are asked).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { estimateCost, type CostEstimate } from './estimate';
import { listSizesOf, type ListSizes } from './list-sizes';
import { dataCostRefusal } from './refusal';

export function dataCostPlugin<C extends BaseContext>(maximum: number): ApolloServerPlugin<C> {
  let sizes: ListSizes = new Map();
  // Estimates that no variable changes, by the operation node Apollo keeps per query text: walked once, not per request.
  let known = new WeakMap<OperationDefinitionNode, CostEstimate>();
  return {
    async serverWillStart() {
      return {
        // The table follows the supergraph the gateway serves, including one swapped in without a restart.
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (!coreSupergraphSdl) return;
          sizes = listSizesOf(coreSupergraphSdl);
          known = new WeakMap();
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          let estimate = known.get(operation);
          if (!estimate) {
            const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
            estimate = estimateCost(schema, operation, fragments, request.variables, sizes);
            if (!estimate.usesVariables) known.set(operation, estimate);
          }
          if (estimate.cost > maximum) throw dataCostRefusal(estimate, maximum);
        },
      };
    },
  };
}
