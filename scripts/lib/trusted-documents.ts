import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, parse, print, visit, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/** One trusted document: an operation with the fragments it uses, and the SHA-256 of that text. */
export interface TrustedDocument {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** Apollo's persisted-query manifest format, which Apollo Router and our gateway both read. */
export interface TrustedDocumentManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: TrustedDocument[];
}

/** sha256 hex of the document text: what clients send as `extensions.persistedQuery.sha256Hash`. */
export function documentHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? graphqlFiles(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : [],
    )
    .sort();
}

function fragmentsUsedBy(
  node: OperationDefinitionNode | FragmentDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (seen.has(name)) return;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`fragment ${name} is used but defined in no file under the operations folder`);
      seen.add(name);
      fragmentsUsedBy(fragment, fragments, seen);
    },
  });
  return seen;
}

/**
 * Every named operation in the `.graphql` files under `dir` (fragments may live in any file there),
 * printed canonically with the fragments it uses, sorted by name: the operations the gateway serves
 * by hash and, in enforce mode, the only ones it runs for most callers.
 */
export function buildManifest(dir: string): TrustedDocumentManifest {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: { node: OperationDefinitionNode; file: string }[] = [];
  for (const path of graphqlFiles(dir)) {
    const file = relative(dir, path);
    for (const definition of parse(readFileSync(path, 'utf8')).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value)) throw new Error(`${file}: fragment ${definition.name.value} is defined twice`);
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) throw new Error(`${file}: every trusted operation needs a name`);
        operations.push({ node: definition, file });
      } else {
        throw new Error(`${file}: only operations and fragments belong here, not ${definition.kind}`);
      }
    }
  }
  const names = new Set<string>();
  const documents = operations.map(({ node, file }) => {
    const name = node.name!.value;
    if (names.has(name)) throw new Error(`${file}: operation ${name} is defined twice`);
    names.add(name);
    const used = [...fragmentsUsedBy(node, fragments)].sort().map((fragment) => fragments.get(fragment)!);
    const body = print({ kind: Kind.DOCUMENT, definitions: [node, ...used] });
    return { id: documentHash(body), name, type: node.operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: documents.sort((a, b) => a.name.localeCompare(b.name)) };
}

export function manifestText(manifest: TrustedDocumentManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
