import { readFileSync } from 'node:fs';
import { concatAST, Kind, parse, type DocumentNode } from 'graphql';
import { kitDirectives } from '../input/directives';

/**
 * Reads a service's schema-first SDL file (its public contract) with the kit's directives
 * (@freeText) declared, so each schema uses them without declaring them again.
 */
export function loadTypeDefs(path: string): DocumentNode {
  return typeDefsOf(readFileSync(path, 'utf8'));
}

/** The same for SDL text (composition tests that change a schema in memory). */
export function typeDefsOf(sdl: string): DocumentNode {
  const own = parse(sdl);
  const declared = new Set(own.definitions.filter((d) => d.kind === Kind.DIRECTIVE_DEFINITION).map((d) => d.name.value));
  const missing = kitDirectives.definitions.filter((d) => d.kind === Kind.DIRECTIVE_DEFINITION && !declared.has(d.name.value));
  return concatAST([own, { kind: Kind.DOCUMENT, definitions: missing }]);
}
