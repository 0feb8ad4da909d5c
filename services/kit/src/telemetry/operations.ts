import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';

const root = join(__dirname, '..', '..', '..', '..');

/** Where the registered operations live (dashboard, benchmark, README): `schemas/operations/**\/*.graphql`. */
export const OPERATION_REGISTRY_DIRS = [join(root, 'schemas', 'operations')];

function graphqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

/**
 * The one source of the operation names metrics may carry as labels: every named operation in the
 * registry's `.graphql` files. Anything else a client sends is counted as `other`, so a label's
 * values stay bounded whatever names clients make up.
 */
export function registeredOperationNames(dirs: string[] = OPERATION_REGISTRY_DIRS): Set<string> {
  const names = new Set<string>();
  for (const file of dirs.flatMap(graphqlFiles)) {
    for (const definition of parse(readFileSync(file, 'utf8')).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

/**
 * The metric label for an operation name: the name when registered, else `other`. A subgraph sees
 * the gateway's generated names (`CommunityOverview__members__1`), labelled by the operation they serve.
 */
export function operationLabeler(registered: Set<string>): (operationName: string | null | undefined) => string {
  return (operationName) => {
    if (!operationName) return 'other';
    if (registered.has(operationName)) return operationName;
    const served = operationName.split('__')[0];
    return operationName.includes('__') && registered.has(served) ? served : 'other';
  };
}

let shared: ((operationName: string | null | undefined) => string) | undefined;

/** The labeler over the registry, read once per process. */
export function operationLabel(operationName: string | null | undefined): string {
  shared ??= operationLabeler(registeredOperationNames());
  return shared(operationName);
}
