/**
 * Estimates how much data an operation can answer, before any subgraph is asked: every object counts 1,
 * and a list multiplies what is selected under it by its page size (`first`, else the field's declared
 * `@listSize`, else the argument's default), following the GraphQL cost directive specification's
 * counting of objects. Scalars cost nothing: the amount of data is in the objects. Fragments on
 * different types are all counted (an estimate from above).
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ListSize, ListSizes } from './list-sizes';

/** A list without a declared size nor a slicing argument: the size assumed for it. */
export const UNDECLARED_LIST_SIZE = 10;

export interface ListContribution {
  /** Response path of the list, e.g. `communities.edges.node.members.edges`. */
  path: string;
  /** Items per parent (its page size). */
  size: number;
  /** What this list adds to the estimate, with everything under it and every enclosing list. */
  cost: number;
}

export interface CostEstimate {
  cost: number;
  /** Every list, largest contribution first. */
  lists: ListContribution[];
  /** Whether a page size came from the request's variables: if not, the estimate holds for every request of the operation. */
  usesVariables: boolean;
}

interface Walk {
  schema: GraphQLSchema;
  sizes: ListSizes;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  lists: ListContribution[];
  usesVariables: boolean;
}

function sliceOf(walk: Walk, field: FieldNode, definition: GraphQLField<unknown, unknown>, declared: ListSize): number | undefined {
  for (const name of declared.slicingArguments ?? []) {
    const argument = definition.args.find((a) => a.name === name);
    const node = field.arguments?.find((a) => a.name.value === name);
    if (node?.value.kind === Kind.VARIABLE) walk.usesVariables = true;
    const value = (node && argument ? valueFromAST(node.value, argument.type, walk.variables) : undefined) ?? argument?.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return declared.assumedSize;
}

/** Cost of a selection set on `type`, each object already multiplied by `outer` (the enclosing lists' sizes). */
function costOf(
  walk: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  path: string,
  outer: number,
  sized?: { fields: string[]; size: number },
): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
      if (condition && isCompositeType(condition)) total += costOf(walk, fragment.selectionSet, condition, path, outer, sized);
      continue;
    }
    if (!selection.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
    const definition = type.getFields()[selection.name.value];
    if (!definition) continue;
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) continue;
    const declared = walk.sizes.get(`${type.name}.${definition.name}`);
    const here = `${path}${path ? '.' : ''}${selection.alias?.value ?? selection.name.value}`;
    const isList = isListType(getNullableType(definition.type));
    const slice = declared ? sliceOf(walk, selection, definition, declared) : undefined;
    // A connection's slice sizes its `edges`/`nodes`; a plain list's sizes the list itself.
    const passesSlice = declared?.sizedFields?.length && slice !== undefined;
    let size = 1;
    if (sized?.fields.includes(definition.name)) size = sized.size;
    else if (isList) size = (passesSlice ? undefined : slice) ?? UNDECLARED_LIST_SIZE;
    const items = outer * size;
    const inner = costOf(
      walk,
      selection.selectionSet,
      named,
      here,
      items,
      passesSlice ? { fields: declared!.sizedFields!, size: slice! } : undefined,
    );
    const cost = items + inner;
    if (size !== 1 || isList) walk.lists.push({ path: here, size, cost });
    total += cost;
  }
  return total;
}

export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
  variables: Record<string, unknown> | undefined,
  sizes: ListSizes,
): CostEstimate {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  // The operation's own variable defaults, under what the request sent.
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT) defaults[definition.variable.name.value] = Number(definition.defaultValue.value);
  }
  const walk: Walk = {
    schema,
    sizes,
    variables: { ...defaults, ...variables },
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    lists: [],
    usesVariables: false,
  };
  const cost = root ? costOf(walk, operation.selectionSet, root, '', 1) : 0;
  return { cost, lists: walk.lists.sort((a, b) => b.cost - a.cost), usesVariables: walk.usesVariables };
}
