import type { SubgraphDefinition } from './subgraph';

/**
 * The subgraphs' definitions, in the order of `names`: the service `<name>` is the package `@cpb/<name>`
 * and exports its definition under its name. A convention instead of a list of imports, so the kit names
 * no service and a new subgraph needs no line in the seed, the scripts or the test harness.
 */
export async function loadSubgraphDefinitions<W = unknown>(names: readonly string[]): Promise<SubgraphDefinition<object, W>[]> {
  return Promise.all(
    names.map(async (name) => {
      const definition = ((await import(`@cpb/${name}`)) as Record<string, SubgraphDefinition<object, W> | undefined>)[name];
      if (!definition) throw new Error(`@cpb/${name} exports no subgraph definition named ${name}`);
      return definition;
    }),
  );
}
