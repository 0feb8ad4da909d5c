/**
 * What makes a supergraph change break a client: a field, argument, type or enum value removed or
 * retyped (graphql-js's own list of breaking changes, on the API schemas clients see), and any
 * registered operation (schemas/operations/**\/*.graphql) that no longer validates.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { findBreakingChanges, findDangerousChanges, parse, validate, type GraphQLSchema } from 'graphql';

export const operationsDir = join(__dirname, '..', '..', 'schemas', 'operations');
export const releasedSupergraphPath = join(__dirname, '..', '..', 'schemas', 'released', 'supergraph.graphql');

export interface RegisteredOperation {
  /** Path under schemas/operations/, e.g. `dashboard/member-list.graphql`. */
  file: string;
  source: string;
}

export interface SchemaCheck {
  breaking: string[];
  /** Changes that can change what a client sees without failing it (a new enum value, a new optional argument's default). */
  dangerous: string[];
  invalidOperations: string[];
  ok: boolean;
}

/** The schema clients query: the supergraph without federation's machinery and @inaccessible parts. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl, { validateSupergraph: true }).apiSchema().toGraphQLJSSchema();
}

/** Every `.graphql` file under `dir`, at any depth (each client team keeps its own folder). */
export function loadRegisteredOperations(dir = operationsDir): RegisteredOperation[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.graphql')) files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => ({ file: relative(dir, path), source: readFileSync(path, 'utf8') }));
}

export function checkSchema(releasedSdl: string, currentSdl: string, operations: RegisteredOperation[]): SchemaCheck {
  const released = apiSchemaOf(releasedSdl);
  const current = apiSchemaOf(currentSdl);
  const breaking = findBreakingChanges(released, current).map((c) => `${c.type}: ${c.description}`);
  const dangerous = findDangerousChanges(released, current).map((c) => `${c.type}: ${c.description}`);
  const invalidOperations = operations.flatMap(({ file, source }) => {
    try {
      return validate(current, parse(source)).map((error) => `${file}: ${error.message}`);
    } catch (error) {
      return [`${file}: ${(error as Error).message}`];
    }
  });
  return { breaking, dangerous, invalidOperations, ok: !breaking.length && !invalidOperations.length };
}
