import type { World } from '@cpb/demo-world';
import type { SubgraphDefinition } from '@cpb/kit';
import { subgraphs } from '@cpb/subgraphs';

/**
 * Each subgraph's definition, in the list's order (@cpb/subgraphs): a service's package `@cpb/<name>`
 * exports it under its name (`organizations` from @cpb/organizations), so a new subgraph needs no
 * line here, in the seed or in the test harness.
 */
export async function subgraphDefinitions(): Promise<SubgraphDefinition<object, World>[]> {
  return Promise.all(
    subgraphs.map(async ({ name }) => {
      const definition = ((await import(`@cpb/${name}`)) as Record<string, SubgraphDefinition<object, World> | undefined>)[name];
      if (!definition) throw new Error(`@cpb/${name} exports no subgraph definition named ${name}`);
      return definition;
    }),
  );
}
