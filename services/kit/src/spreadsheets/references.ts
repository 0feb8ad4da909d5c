import type { Message } from '../messages';

/** A code as the system shows it (an id): a reference in a file is a code when it looks like one, else a name. */
const CODE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Resolved<T> = { found: T } | { finding: Message };

/** A file's references (所在社区, 服务队名称, ...) split into codes and names, each asked for in one statement. */
export function codesAndNames(refs: readonly string[]): { codes: string[]; names: string[] } {
  return { codes: refs.filter((r) => CODE.test(r)), names: refs.filter((r) => !CODE.test(r)) };
}

/**
 * Each reference resolved among `candidates` (already limited to the caller's scope, so what lies
 * outside reads as not found and a file cannot probe it): the one bearing that code or name, or
 * the finding saying none or several do.
 */
export function resolveReferences<T extends { id: string; name: string }>(
  refs: readonly string[],
  candidates: readonly T[],
  findings: { unknown(value: string): Message; ambiguous(value: string, count: number): Message },
): Map<string, Resolved<T>> {
  return new Map(
    refs.map((ref): [string, Resolved<T>] => {
      const matching = candidates.filter((c) => (CODE.test(ref) ? c.id === ref.toLowerCase() : c.name === ref));
      if (matching.length === 1) return [ref, { found: matching[0] }];
      return [ref, { finding: matching.length === 0 ? findings.unknown(ref) : findings.ambiguous(ref, matching.length) }];
    }),
  );
}
