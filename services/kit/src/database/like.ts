/**
 * `%text%` for LIKE (and ILIKE) with Postgres' default escape character: the caller's `%`, `_` and
 * `\` match themselves instead of any text, any character, or escaping the next one.
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
