import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isListType, isNonNullType, ObjectType, Supergraph, type Schema } from '@apollo/federation-internals';

/** A field of the composed graph that needs a stated authorisation rule, and why. */
export interface RuledField {
  /** `Type.field`, e.g. `Query.members`, `Organization.memberCount`. */
  coordinate: string;
  type: string;
  field: string;
  /** query/mutation: a root field; list: returns a list or a connection; contributed: added to another service's entity. */
  reasons: ('query' | 'mutation' | 'list' | 'contributed')[];
}

export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schemas', 'supergraph.graphql');

/** The graph callers see (`@inaccessible` fields removed), with each subgraph's own schema. */
export function loadSupergraph(sdl = readFileSync(SUPERGRAPH_PATH, 'utf8')): {
  api: Schema;
  subgraphs: { name: string; schema: Schema }[];
} {
  const supergraph = Supergraph.build(sdl);
  return {
    api: supergraph.apiSchema(),
    subgraphs: supergraph
      .subgraphs()
      .values()
      .map((s) => ({ name: s.name, schema: s.schema })),
  };
}

/**
 * Walks the composed schema: every root Query and Mutation field, every field returning a list or a
 * connection, and every field a subgraph adds to another's entity. Connection plumbing (`edges`) is
 * governed by the field returning the connection, so it is left out.
 */
export function fieldsNeedingRules(sdl?: string): RuledField[] {
  const { api, subgraphs } = loadSupergraph(sdl);
  const definedBy = new Map<string, string[]>();
  const entities = new Set<string>();
  for (const { name, schema } of subgraphs) {
    for (const type of schema.types()) {
      if (!(type instanceof ObjectType)) continue;
      if (type.hasAppliedDirective('key')) entities.add(type.name);
      for (const field of type.fields()) {
        if (field.hasAppliedDirective('external')) continue;
        const coordinate = `${type.name}.${field.name}`;
        definedBy.set(coordinate, [...(definedBy.get(coordinate) ?? []), name]);
      }
    }
  }
  const fields: RuledField[] = [];
  for (const type of api.types()) {
    if (!(type instanceof ObjectType) || type.name.startsWith('_')) continue;
    // The entity's owner: the subgraph defining most of its fields.
    const counts = new Map<string, number>();
    for (const field of type.fields())
      for (const name of definedBy.get(`${type.name}.${field.name}`) ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
    const owner = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const field of type.fields()) {
      const coordinate = `${type.name}.${field.name}`;
      const reasons: RuledField['reasons'] = [];
      if (type.name === 'Query') reasons.push('query');
      if (type.name === 'Mutation') reasons.push('mutation');
      const unwrapped = isNonNullType(field.type!) ? field.type!.ofType : field.type!;
      const named = field.type!.toString().replace(/[[\]!]/g, '');
      const plumbing = type.name.endsWith('Connection') && field.name === 'edges';
      if ((isListType(unwrapped) || named.endsWith('Connection')) && !plumbing) reasons.push('list');
      if (entities.has(type.name) && owner && !(definedBy.get(coordinate) ?? []).includes(owner)) reasons.push('contributed');
      if (reasons.length) fields.push({ coordinate, type: type.name, field: field.name, reasons });
    }
  }
  return fields;
}

/** Every field of every object type callers can ask for, as `Type.field`. */
export function allFields(sdl?: string): string[] {
  const { api } = loadSupergraph(sdl);
  return api
    .types()
    .flatMap((type) =>
      type instanceof ObjectType && !type.name.startsWith('_') ? type.fields().map((f) => `${type.name}.${f.name}`) : [],
    );
}
