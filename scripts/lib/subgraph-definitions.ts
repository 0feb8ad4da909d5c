import type { World } from '@cpb/demo-world';
import { loadSubgraphDefinitions, type SubgraphDefinition } from '@cpb/kit';
import { subgraphNames } from '@cpb/subgraphs';

/** Each subgraph's definition, in the list's order (@cpb/subgraphs). */
export function subgraphDefinitions(): Promise<SubgraphDefinition<object, World>[]> {
  return loadSubgraphDefinitions<World>(subgraphNames);
}
