import list from './subgraphs.json';

/**
 * One subgraph of the federation, as everything outside it needs to know it. The list is data
 * (subgraphs.json) so that ESLint's plain-JavaScript config reads the very same file.
 */
export interface Subgraph {
  /** Its name in the supergraph; also its folder (services/<name>), package (@cpb/<name>) and database (cpb_<name>). */
  name: string;
  /** The port it listens on unless PORT says otherwise, and that the gateway and its peers expect in development. */
  port: number;
  /** The variable that tells the gateway and its peers where it answers (a URL ending in /graphql). */
  urlVariable: string;
  /** The Kafka topic its outbox relay publishes its domain events to. */
  topic: string;
  /** The entity types whose facts the others ask it for (the kit's peer lookups go to their owner). */
  owns: readonly string[];
}

/** The subgraphs, in the order they compose, start and are listed. Add one here and everything else follows. */
export const subgraphs: readonly Subgraph[] = list;

export const subgraphNames: readonly string[] = subgraphs.map((s) => s.name);

/** The subgraph of that name; an unknown name is a mistake in the code that asks, so it throws. */
export function subgraph(name: string): Subgraph {
  const found = subgraphs.find((s) => s.name === name);
  if (!found) throw new Error(`No subgraph is named ${name}: the subgraphs are ${subgraphNames.join(', ')}`);
  return found;
}
