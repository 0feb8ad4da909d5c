import type { GraphQLResolveInfo } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import { invariant } from './errors';
import { fingerprintOf, idempotencyKeyOf, idempotentTransact } from './idempotency';
import { inTransaction, type Transact, type UnitOfWork } from './transact';

/** What a use case runs with: at least the request's transactor (a service's context adds actor, peers, policy). */
export interface UseCaseContext {
  transact: Transact;
}

/**
 * The one way a mutation changes data, in every service, in three steps:
 * 1. `authorize`: read the arguments and check the actor against the service's policy
 *    (`src/domain/policy.ts`), reading what locating the target takes (its organisation, its scope);
 * 2. `gather`: ask other services for the facts the change needs, before any transaction opens, so no
 *    row lock ever waits on HTTP (an unreachable owner refuses with UNAVAILABLE);
 * 3. `change`: one transaction: lock, check the rules, write, emit the outbox events. A peer call in
 *    here is refused by the kit (`PeerCallInTransactionError`).
 * Each step hands what it found to the next; the last one's result is the mutation's.
 */
export interface UseCaseSteps<C extends UseCaseContext, Args, Allowed, Result, Facts = Allowed> {
  authorize(context: C, args: Args): Allowed | Promise<Allowed>;
  /** Left out when the change needs nothing from other services: the change then gets what `authorize` returned. */
  gather?(context: C, allowed: Allowed): Facts | Promise<Facts>;
  change(unit: UnitOfWork, facts: Facts): Promise<Result>;
}

/** A use case as resolvers call it: `(ctx, args) => result`. */
export type UseCase<C extends UseCaseContext, Args, Result> = (context: C, args: Args) => Promise<Result>;

/**
 * A mutation's resolver: hands the field's arguments, as GraphQL gives them, to the use case with the
 * request's context. With an `Idempotency-Key` header (docs/reliability.md) every transaction the use
 * case opens happens once per key, field (by response name), arguments and actor: a retry is still
 * authorised like the first call, then gets the first call's result and writes nothing.
 */
export function asResolver<C extends UseCaseContext, Args, Result>(run: UseCase<C, Args, Result>) {
  return (_parent: unknown, args: Args, context: C, info?: GraphQLResolveInfo): Promise<Result> => {
    const request = context as C & { headers?: IncomingHttpHeaders; actor?: unknown };
    const key = idempotencyKeyOf(request.headers);
    if (key === undefined || !info) return run(context, args);
    const field = `${info.parentType.name}.${info.fieldName}`;
    const call = { key, scope: `${field}@${String(info.path.key)}`, fingerprint: fingerprintOf(field, args, request.actor ?? null) };
    return run({ ...context, transact: idempotentTransact(context.transact, call) }, args);
  };
}

export function useCase<C extends UseCaseContext, Args, Allowed, Result, Facts = Allowed>(
  steps: UseCaseSteps<C, Args, Allowed, Result, Facts>,
): UseCase<C, Args, Result> {
  return async (context, args) => {
    // A use case opens its own transaction; run inside another, its peer calls would hold that one's locks.
    invariant(!inTransaction(), 'a use case runs outside any transaction');
    const allowed = await steps.authorize(context, args);
    const facts = steps.gather ? await steps.gather(context, allowed) : (allowed as unknown as Facts);
    return context.transact((unit) => steps.change(unit, facts));
  };
}
