/** The subgraphs each request's query plan fetched from, by request context (the gateway's RequestInfo). */
const read = new WeakMap<object, Set<string>>();

/** Called by the subgraph data source before each fetch. */
export function noteSubgraphRead(context: object, subgraph: string): void {
  const seen = read.get(context);
  if (seen) seen.add(subgraph);
  else read.set(context, new Set([subgraph]));
}

export function subgraphsRead(context: object): ReadonlySet<string> {
  return read.get(context) ?? new Set();
}
