import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import {
  astFromValue,
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  type GraphQLObjectType,
  GraphQLScalarType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { supergraphPath } from '../scripts/subgraphs';

/**
 * Walks the composed supergraph for every place a caller can put a value (each argument and each
 * input field, at any depth), so the hygiene and cursor tests cover every field of every service,
 * including fields added after the test was written. The graph callers see: `@inaccessible` fields
 * (service-only operations) are not in it.
 */
export const supergraph = Supergraph.build(readFileSync(supergraphPath, 'utf8')).apiSchema().toGraphQLJSSchema();

/** A String or ID a caller can send: where it is, what the refusal names, and how to ask with a value there. */
export interface Slot {
  /** e.g. `Mutation.recordJointMeeting(input.planItems[0].item)`. */
  coordinate: string;
  /** The type the field belongs to (Query, Mutation, or an entity reached by its id). */
  parentType: string;
  fieldName: string;
  scalar: 'String' | 'ID';
  /** What `extensions.field` names, as the services name fields (the `input` argument is left out). */
  field: string;
  /** Whether this is a connection's `after` cursor. */
  cursor: boolean;
  path: (string | number)[];
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const internal = (name: string) => name.startsWith('_');

function isConnection(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

function fieldName(path: (string | number)[]): string {
  const shown = path[0] === 'input' ? path.slice(1) : path;
  return shown.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function slotsOfType(
  type: GraphQLInputType,
  path: (string | number)[],
  seen: Set<string>,
  emit: (scalar: 'String' | 'ID', path: (string | number)[]) => void,
): void {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return slotsOfType(inner.ofType, [...path, 0], seen, emit);
  if (inner instanceof GraphQLScalarType && (inner.name === 'String' || inner.name === 'ID')) return emit(inner.name, path);
  if (isInputObjectType(inner)) {
    if (seen.has(inner.name)) return;
    for (const field of Object.values(inner.getFields()))
      slotsOfType(field.type, [...path, field.name], new Set([...seen, inner.name]), emit);
  }
}

/** Every String and ID slot of every field that takes arguments, on the root types and the entities. */
export function textSlots(): Slot[] {
  const slots: Slot[] = [];
  for (const type of Object.values(supergraph.getTypeMap())) {
    if (!isObjectType(type) || internal(type.name) || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (internal(field.name)) continue;
      const returns = getNamedType(field.type);
      for (const arg of field.args) {
        slotsOfType(arg.type, [arg.name], new Set(), (scalar, path) => {
          const cursor = arg.name === 'after' && isObjectType(returns) && isConnection(returns);
          slots.push({
            coordinate: `${type.name}.${field.name}(${fieldName(path)})`,
            parentType: type.name,
            fieldName: field.name,
            scalar,
            field: fieldName(path),
            cursor,
            path,
          });
        });
      }
    }
  }
  return slots;
}

/** Paged lists: fields returning a connection with an `after` cursor. */
export function pagedLists(): string[] {
  return textSlots()
    .filter((s) => s.cursor)
    .map((s) => `${s.parentType}.${s.fieldName}`);
}

/** A value of `type` that passes the kit's checks (a well-formed id, plain text, 1). */
function placeholder(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (inner instanceof GraphQLList) return [placeholder(inner.ofType)];
  if (inner instanceof GraphQLEnumType) return inner.getValues()[0].value;
  if (inner instanceof GraphQLInputObjectType) return requiredFields(Object.values(inner.getFields()));
  switch ((inner as GraphQLScalarType).name) {
    case 'ID':
      return PLACEHOLDER_ID;
    case 'String':
      return 'x';
    case 'Boolean':
      return false;
    default:
      return 1;
  }
}

function requiredFields(fields: readonly { name: string; type: GraphQLInputType; defaultValue?: unknown }[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, placeholder(f.type)]),
  );
}

/** A value of `type` with `value` at `path` (list steps are 0) and every required field filled. */
function valueAlong(type: GraphQLInputType, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [valueAlong(inner.ofType, path.slice(1), value)];
  const fields = (inner as GraphQLInputObjectType).getFields();
  const [name, ...rest] = path as [string, ...(string | number)[]];
  return { ...requiredFields(Object.values(fields)), [name]: valueAlong(fields[name].type, rest, value) };
}

function argumentsText(field: GraphQLField<unknown, unknown>, slot: Slot, value: unknown): string {
  const [name, ...rest] = slot.path as [string, ...(string | number)[]];
  const target = field.args.find((a) => a.name === name)!;
  const args: Record<string, unknown> = {
    ...requiredFields(field.args as GraphQLArgument[]),
    [name]: valueAlong(target.type, rest, value),
  };
  const printed = field.args
    .filter((a) => args[a.name] !== undefined)
    .map((a) => `${a.name}: ${print(astFromValue(args[a.name], a.type)!)}`);
  return printed.length ? `(${printed.join(', ')})` : '';
}

/**
 * The operation that sends `value` in `slot`, every other required argument filled with a value
 * that passes the kit's checks. `parents` gives, per entity type, the root field and id reaching one.
 */
export function operationFor(slot: Slot, value: unknown, parents: Record<string, { root: string; id: string }>): string {
  const parent = supergraph.getType(slot.parentType) as GraphQLObjectType;
  const field = parent.getFields()[slot.fieldName];
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const call = `${slot.fieldName}${argumentsText(field, slot, value)}${selection}`;
  if (slot.parentType === 'Mutation') return `mutation { ${call} }`;
  if (slot.parentType === 'Query') return `{ ${call} }`;
  const reach = parents[slot.parentType];
  if (!reach) throw new Error(`No way to reach ${slot.parentType} for ${slot.coordinate}: add it to the test's parents`);
  return `{ ${reach.root}(id: ${JSON.stringify(reach.id)}) { ${call} } }`;
}
