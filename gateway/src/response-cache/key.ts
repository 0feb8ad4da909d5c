import { createHash } from 'node:crypto';
import { seesAll, type Actor } from '@cpb/kit/core';

/** What a caller may see depends on these and nothing else in the actor. */
export interface CallerScope {
  actor?: Actor;
  locale?: string;
}

/**
 * Everything an answer depends on besides the data: the role (which fields are masked or refused),
 * the managed subtree (`orgId`), the resident unit and the member the caller is (their own records),
 * and the language refusals and labels are written in. The token's `sub` is left out on purpose:
 * reads never depend on it (only the audit rows of changes do), so two secretaries of the same
 * community share answers while a member and a secretary never do.
 */
export function scopeOf({ actor, locale }: CallerScope): string {
  const who = actor ? [actor.role, actor.orgId ?? '', actor.unitId ?? '', actor.memberId ?? ''].join('\u0001') : 'ANONYMOUS';
  return `${who}\u0002${locale ?? ''}`;
}

/** The cache key of one query: the caller's scope, the operation (its text's hash and name) and its variables. */
export function answerKey(
  scope: string,
  operation: { queryHash: string; operationName?: string | null; variables?: Record<string, unknown> | null },
): string {
  return createHash('sha256')
    .update(`${scope}\u0000${operation.queryHash}\u0000${operation.operationName ?? ''}\u0000${JSON.stringify(operation.variables ?? {})}`)
    .digest('base64url');
}

/**
 * Whether an answer may rest on facts a subgraph asked a peer for directly, out of the gateway's sight:
 * the services' policies ask organizations for the caller's subtree and members or organizations for
 * where a member or community belongs before deciding what a caller who does not see everything may
 * see. Such answers depend on every subgraph; a caller who sees all (the district) is never checked
 * against those facts.
 */
export function readsPeerFacts(actor: Actor | undefined): boolean {
  return !actor || !seesAll(actor);
}
