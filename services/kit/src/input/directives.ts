import { parse, type DirectiveNode, type DocumentNode } from 'graphql';

/** Marks an argument or input field whose text may span lines (descriptions, reasons, notes). */
export const FREE_TEXT_DIRECTIVE = 'freeText';

/**
 * Directives the kit gives meaning to, declared once here and added to every subgraph's SDL by
 * `loadTypeDefs` (they stay in the subgraphs; composition leaves them out of the supergraph).
 */
export const kitDirectives: DocumentNode = parse(`
  "Text here may span lines (written as \\\\n); every other String argument and input field must be one line."
  directive @${FREE_TEXT_DIRECTIVE} on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
`);

export function hasDirective(node: { directives?: readonly DirectiveNode[] } | null | undefined, name: string): boolean {
  return node?.directives?.some((d) => d.name.value === name) ?? false;
}
