/**
 * @apollo/gateway turns the client's operation into federation-internals' `Operation` on every request,
 * after planning, to shape the response (executeQueryPlan: `operationFromDocument(apiSchema, …,
 * { validate: false })`); for the dashboards' operations that was 2-3% of the gateway's CPU. The result
 * depends only on the API schema and the operation's parsed nodes, which Apollo Server keeps per query
 * text (its document cache), so it is kept here per schema and operation node and reused. The gateway
 * reads the function from the module's exports at each call, which is where it is replaced.
 */
import type { DefinitionNode, DocumentNode, OperationDefinitionNode } from 'graphql';

// The module whose export @apollo/federation-internals' index re-exports through a getter.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const operations = require('@apollo/federation-internals/dist/operations') as {
  operationFromDocument: (schema: object, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => unknown;
};

interface Kept {
  definitions: readonly DefinitionNode[];
  operation: unknown;
}

const sameDefinitions = (a: readonly DefinitionNode[], b: readonly DefinitionNode[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

let installed = false;

/** Installs the reuse once per process; the unvalidated conversions (the execution's) are the only ones kept. */
export function reuseExecutionOperations(): void {
  if (installed) return;
  installed = true;
  const convert = operations.operationFromDocument;
  const bySchema = new WeakMap<object, WeakMap<OperationDefinitionNode, Kept>>();
  operations.operationFromDocument = (schema, document, options) => {
    const [first] = document.definitions;
    if (options?.validate !== false || options.operationName !== undefined || first?.kind !== 'OperationDefinition') {
      return convert(schema, document, options);
    }
    let kept = bySchema.get(schema);
    if (!kept) bySchema.set(schema, (kept = new WeakMap()));
    const hit = kept.get(first);
    if (hit && sameDefinitions(hit.definitions, document.definitions)) return hit.operation;
    const operation = convert(schema, document, options);
    kept.set(first, { definitions: document.definitions, operation });
    return operation;
  };
}
