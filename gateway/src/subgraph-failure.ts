import { GraphQLError } from 'graphql';
import { DomainError, UnavailableError, msg, type TermValue } from '@cpb/kit/core';

/**
 * What the caller reads when a subgraph fetch fails. @apollo/gateway passes the raw error on
 * ("connect ECONNREFUSED", "did not answer within 10000 ms", "502: Bad Gateway"), which the kit's
 * formatter masks as INTERNAL_SERVER_ERROR: the caller could not tell a crash of ours from a service
 * that is restarting. A subgraph that could not be reached, timed out, or answered 5xx is UNAVAILABLE
 * (retry), and the fields it serves are null. A refused connection means the request never left, so
 * "nothing was changed" holds; a mutation that went out and got no answer may have committed, and the
 * message says so and points at the Idempotency-Key. Refusals a subgraph sent (4xx with a GraphQL
 * code: 401, 403) pass through unchanged. Returns undefined for those.
 */
export function subgraphFailure(
  subgraph: string,
  error: unknown,
  response: { status: number } | undefined,
  query: string | undefined,
): GraphQLError | undefined {
  if (response && response.status < 500 && error instanceof GraphQLError && typeof error.extensions.code === 'string') return undefined;
  const service = subgraph as TermValue<'service'>;
  const neverSent = (error as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED';
  const mutation = /^\s*mutation\b/.test(query ?? '');
  const refusal =
    mutation && !neverSent ? new DomainError('UNAVAILABLE', msg('subgraph.outcomeUnknown', { service })) : new UnavailableError(service);
  return new GraphQLError(refusal.message, { originalError: refusal });
}
