/**
 * One subgraph operation from several entity fetches (`_entities(representations: …)`) of the same
 * request to the same subgraph, and each fetch's answer back out of its result. The query planner of
 * @apollo/gateway sends sibling entity fetches separately (an organisation and its children each get
 * their own `_entities` call); the Hive router's planner sends them as one operation with an aliased
 * `_entities` per sibling (its BatchFetch). This does the same after planning: one HTTP request, one
 * execution on the subgraph (whose DataLoaders then serve both in one statement), and no change to the plan.
 */
import { Kind, parse, print, visit, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';

/** A fetch as the gateway's executor hands it to a data source. */
export interface EntityFetch {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** A subgraph's answer as parsed from its response body. */
export interface SubgraphResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** Distinct fetch texts and merged operations remembered (a deployment's plans have a few hundred at most). */
const MAX_REMEMBERED = 2_000;

function remembered<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value as V;
}

const parsedFetches = new Map<string, DocumentNode | null>();

/** The fetch's document when it is a query whose one root field is an unaliased `_entities`; else null. */
function entityDocument(query: string): DocumentNode | null {
  return remembered(parsedFetches, query, () => {
    const document = parse(query, { noLocation: true });
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) return null;
    const [operation] = operations;
    const [root, ...more] = operation.selectionSet.selections;
    const entities = operation.operation === 'query' && !operation.directives?.length && more.length === 0 && root.kind === Kind.FIELD;
    return entities && root.name.value === '_entities' && !root.alias ? document : null;
  });
}

/** Whether a fetch can be merged with its siblings: an entity query (cheap: a string test first, then the remembered parse). */
export function isEntityFetch(fetch: EntityFetch): boolean {
  return fetch.query.includes('_entities') && entityDocument(fetch.query) !== null;
}

/** The alias part `i` answers under in the merged operation, and the prefix of its variables and fragments. */
const aliasOf = (i: number) => `_e${i}`;
const prefixOf = (i: number) => `p${i}_`;

/** Part `i` with its variables and fragments renamed apart and its `_entities` aliased. */
function renamed(document: DocumentNode, i: number): DocumentNode {
  const prefix = prefixOf(i);
  let depth = 0;
  return visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    SelectionSet: {
      enter: () => void depth++,
      leave: () => void depth--,
    },
    Field: (node) =>
      depth === 1 && node.name.value === '_entities' ? { ...node, alias: { kind: Kind.NAME, value: aliasOf(i) } } : undefined,
  });
}

const mergedOperations = new Map<string, string>();

/** The merged operation's text for these fetch texts (all entity fetches), remembered by them. */
function mergedQuery(queries: string[], operationName: string | undefined): string {
  return remembered(mergedOperations, `${operationName ?? ''}\u0000${queries.join('\u0000')}`, () => {
    const parts = queries.map((query, i) => renamed(entityDocument(query)!, i));
    const operations = parts.map((part) =>
      part.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!,
    );
    const merged: OperationDefinitionNode = {
      kind: Kind.OPERATION_DEFINITION,
      operation: operations[0].operation,
      name: operationName ? { kind: Kind.NAME, value: operationName } : undefined,
      variableDefinitions: operations.flatMap((o) => o.variableDefinitions ?? []),
      selectionSet: { kind: Kind.SELECTION_SET, selections: operations.flatMap((o) => o.selectionSet.selections) },
    };
    const fragments = parts.flatMap((part) => part.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION));
    return print({ kind: Kind.DOCUMENT, definitions: [merged, ...fragments] });
  });
}

/** One request for all of `fetches` (entity fetches of one request to one subgraph), named like the first. */
export function mergeEntityFetches(
  fetches: EntityFetch[],
): Required<Pick<EntityFetch, 'query' | 'variables'>> & Pick<EntityFetch, 'operationName'> {
  const operationName = fetches[0].operationName;
  const variables: Record<string, unknown> = {};
  fetches.forEach((fetch, i) => {
    const prefix = prefixOf(i);
    for (const name in fetch.variables) variables[prefix + name] = fetch.variables[name];
  });
  return {
    query: mergedQuery(
      fetches.map((f) => f.query),
      operationName,
    ),
    operationName,
    variables,
  };
}

/**
 * Each part's answer from the merged result: its `_entities` under its alias, its errors (those whose
 * path starts at its alias, with the path as the part asked it); errors of no part (no path: the whole
 * request failed) and the extensions go to the first part only, so the client sees them once.
 */
export function splitMergedResult(result: SubgraphResult, parts: number): SubgraphResult[] {
  const errors: GraphQLFormattedError[][] = Array.from({ length: parts }, () => []);
  for (const error of result.errors ?? []) {
    const head = error.path?.[0];
    const part = typeof head === 'string' && /^_e\d+$/.test(head) ? Number(head.slice(2)) : -1;
    if (part >= 0 && part < parts) errors[part].push({ ...error, path: ['_entities', ...error.path!.slice(1)] });
    else errors[0].push(error);
  }
  return errors.map((own, i) => ({
    data: result.data ? { _entities: result.data[aliasOf(i)] ?? null } : result.data,
    ...(own.length ? { errors: own } : {}),
    ...(i === 0 && result.extensions ? { extensions: result.extensions } : {}),
  }));
}
