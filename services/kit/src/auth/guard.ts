import type { Actor } from './actor';

type AnyResolver = (...args: never[]) => unknown;
type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * Wraps the named resolvers (per type, `__resolveReference` included) so `check` runs on the
 * caller first: one place states which fields of a service are not public, for root fields and
 * entity references alike.
 */
export function guardResolvers<R extends ResolverMap>(
  resolvers: R,
  fields: Partial<Record<keyof R, string[]>>,
  check: (actor: Actor) => void,
): R {
  const guarded: ResolverMap = { ...resolvers };
  for (const [type, names] of Object.entries(fields) as [string, string[]][]) {
    const typeResolvers = { ...guarded[type] };
    for (const name of names) {
      const resolve = typeResolvers[name] as AnyResolver | undefined;
      if (!resolve) throw new Error(`guardResolvers: ${type}.${name} has no resolver`);
      // __resolveReference gets (reference, context); field resolvers get (parent, args, context).
      const contextAt = name === '__resolveReference' ? 1 : 2;
      typeResolvers[name] = (...args: unknown[]) => {
        check((args[contextAt] as { actor: Actor }).actor);
        return (resolve as (...a: unknown[]) => unknown)(...args);
      };
    }
    guarded[type] = typeResolvers;
  }
  return guarded as R;
}
