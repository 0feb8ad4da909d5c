/**
 * How many items each list field of the supergraph answers, read from the `@listSize` directives of the
 * GraphQL cost directive specification (https://ibm.github.io/graphql-specs/cost-spec.html), which the
 * subgraphs declare through `@link(url: "https://specs.apollo.dev/cost/v0.1")` and composition keeps in
 * the supergraph. A field with a `first` argument needs no declaration: it is sliced by `first`, a
 * connection (its type has `edges`) in its `edges` and `nodes`, a plain list in itself.
 */
import { Kind, parse, type ConstValueNode, type FieldDefinitionNode } from 'graphql';

export interface ListSize {
  /** Items assumed when no slicing argument says how many. */
  assumedSize?: number;
  /** Arguments whose value is the number of items (the first one given counts). */
  slicingArguments?: string[];
  /** Fields of the returned type that hold the sliced items (a connection's `edges`); none: the field itself. */
  sizedFields?: string[];
}

/** By `Type.field`. */
export type ListSizes = ReadonlyMap<string, ListSize>;

function constValue(node: ConstValueNode): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.LIST) return node.values.map(constValue);
  return undefined;
}

function declared(field: FieldDefinitionNode): ListSize | undefined {
  const directive = field.directives?.find((d) => d.name.value === 'listSize');
  if (!directive) return undefined;
  const args = Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, constValue(a.value)]));
  return {
    assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : undefined,
    slicingArguments: Array.isArray(args.slicingArguments) ? (args.slicingArguments as string[]) : undefined,
    sizedFields: Array.isArray(args.sizedFields) ? (args.sizedFields as string[]) : undefined,
  };
}

/** The table of one supergraph (its SDL as composed); re-read whenever the gateway loads a new one. */
export function listSizesOf(supergraphSdl: string): ListSizes {
  const document = parse(supergraphSdl, { noLocation: true });
  const fieldsOf = new Map<string, readonly FieldDefinitionNode[]>();
  for (const definition of document.definitions) {
    if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) && definition.fields) {
      fieldsOf.set(definition.name.value, definition.fields);
    }
  }
  const sliced = (field: FieldDefinitionNode): ListSize | undefined => {
    if (!field.arguments?.some((a) => a.name.value === 'first')) return undefined;
    let type = field.type;
    while (type.kind !== Kind.NAMED_TYPE) type = type.type;
    const connection = fieldsOf.get(type.name.value)?.some((f) => f.name.value === 'edges');
    return connection ? { slicingArguments: ['first'], sizedFields: ['edges', 'nodes'] } : { slicingArguments: ['first'] };
  };
  const sizes = new Map<string, ListSize>();
  for (const [type, fields] of fieldsOf) {
    for (const field of fields) {
      const size = declared(field) ?? sliced(field);
      if (size) sizes.set(`${type}.${field.name.value}`, size);
    }
  }
  return sizes;
}
