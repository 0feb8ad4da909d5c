import type { GraphQLResponse } from '../graphql/client';
import type { ErrorCode } from '../errors';
import type { Message } from '../messages';

/**
 * The `extensions` of a refusal worded from the catalogue, for exact assertions:
 * `expect(error.extensions).toEqual(refused('NOT_FOUND', 'memberId', msg('record.notFound', { entity: 'Member', id })))`.
 * The message is typed, so the expectation names a real key with its real parameters.
 */
export function refused(code: ErrorCode, field: string | undefined, message: Message): Record<string, unknown> {
  return { code, ...(field ? { field } : {}), messageKey: message.key, messageParams: message.params };
}

/** The code (and field) of a response's first refusal, for exact assertions. */
export function refusal(result: GraphQLResponse<unknown>): { code?: string; field?: string } {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, ...(extensions.field ? { field: extensions.field } : {}) };
}
