import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Connection } from '../graphql/pagination';
import { uuid } from '../validation';
import type { CursorSeal } from './cursor-seal';
import { FREE_TEXT_DIRECTIVE, hasDirective } from './directives';
import { cleanText } from './text';

/** Checks and normalises one argument value; `field` is the name a refusal gives (`planItems[0].item`). */
type Cleaner = (value: unknown, field: string) => unknown;

const child = (field: string, name: string) => (field ? `${field}.${name}` : name);

/**
 * The cleaner of a value of `type`, compiled once per schema: String → `cleanText`, ID → a UUID
 * (lower case), lists and input objects field by field (keys left out stay left out, so "not given"
 * and null keep their meaning); null where nothing of the type needs checking.
 */
function cleanerOf(type: GraphQLInputType, freeText: boolean, seen = new Map<string, Cleaner | null>()): Cleaner | null {
  if (isNonNullType(type)) return cleanerOf(type.ofType, freeText, seen);
  if (isListType(type)) {
    const item = cleanerOf(type.ofType, freeText, seen);
    return item && ((value, field) => (Array.isArray(value) ? value.map((v, i) => item(v, `${field}[${i}]`)) : value));
  }
  if (isScalarType(type)) {
    if (type.name === 'String')
      return (value, field) => (typeof value === 'string' ? cleanText(field, value, { multiline: freeText }) : value);
    if (type.name === 'ID') return (value, field) => (typeof value === 'string' ? uuid(field, value) : value);
    return null;
  }
  if (!isInputObjectType(type)) return null;
  if (seen.has(type.name)) return (value, field) => seen.get(type.name)?.(value, field) ?? value;
  seen.set(type.name, null);
  const fields = Object.values(type.getFields())
    .map((f) => [f.name, cleanerOf(f.type, hasDirective(f.astNode, FREE_TEXT_DIRECTIVE), seen)] as const)
    .filter((entry): entry is readonly [string, Cleaner] => entry[1] !== null);
  const cleaner: Cleaner | null =
    fields.length === 0
      ? null
      : (value, field) => {
          if (value === null || typeof value !== 'object') return value;
          const cleaned: Record<string, unknown> = { ...(value as Record<string, unknown>) };
          for (const [name, clean] of fields) if (name in cleaned) cleaned[name] = clean(cleaned[name], child(field, name));
          return cleaned;
        };
  seen.set(type.name, cleaner);
  return cleaner;
}

function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields() && field.args.some((a) => a.name === 'after');
}

/** Seals every cursor of the connection a resolver returned, with the seal of its list. */
function sealConnection(connection: Connection<unknown> | null | undefined, seal: (position: string) => string) {
  if (!connection) return connection;
  const { startCursor, endCursor } = connection.pageInfo;
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ ...edge, cursor: seal(edge.cursor) })),
    pageInfo: { ...connection.pageInfo, startCursor: startCursor && seal(startCursor), endCursor: endCursor && seal(endCursor) },
  };
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

/**
 * Wraps every resolver that takes arguments so its arguments reach it checked and normalised, before
 * any domain code or SQL: every String (see `cleanText`; @freeText fields may span lines), every ID
 * (a UUID), at any depth of input objects and lists; a connection's `after` must be a cursor that
 * same list issued, and the cursors it returns are sealed. A field added to a schema is covered
 * without a line of its own. Refusals are BAD_USER_INPUT naming the field, as the services name them
 * (the conventional `input` argument left out: `title`, `planItems[0].item`, `filter.year`).
 */
export function guardArguments(schema: GraphQLSchema, cursors: CursorSeal): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 || field.name.startsWith('_')) continue;
      const list = `${type.name}.${field.name}`;
      const paged = isConnectionField(field);
      const cleaners = field.args
        .map((arg: GraphQLArgument) => {
          // The conventional `input` object is left out of the names refusals give.
          const named = arg.name === 'input' && isInputObjectType(getNullableType(arg.type)) ? '' : arg.name;
          if (paged && arg.name === 'after')
            return [arg.name, named, (value: unknown) => (value == null ? value : cursors.open(list, String(value)))] as const;
          return [arg.name, named, cleanerOf(arg.type, hasDirective(arg.astNode, FREE_TEXT_DIRECTIVE))] as const;
        })
        .filter((entry): entry is readonly [string, string, Cleaner] => entry[2] !== null);
      if (cleaners.length === 0 && !paged) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const seal = (position: string) => cursors.seal(list, position);
      field.resolve = (source, args, context, info) => {
        const checked: Record<string, unknown> = { ...args };
        for (const [name, named, clean] of cleaners) if (name in checked) checked[name] = clean(checked[name], named);
        const result = resolve(source, checked, context, info);
        if (!paged) return result;
        return isPromise(result)
          ? result.then((c) => sealConnection(c as Connection<unknown>, seal))
          : sealConnection(result as Connection<unknown>, seal);
      };
    }
  }
  return schema;
}
