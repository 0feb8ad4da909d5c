import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from './logger';
import { tokenLimitExceeded } from './token-limit';

/**
 * Every error code a client can see, declared once. Dashboards branch on these codes,
 * so they are part of the public contract: add, never rename.
 */
export const errorCodes = {
  BAD_USER_INPUT: 'A value breaks a rule or is malformed; `extensions.field` names it.',
  NOT_FOUND: 'A referenced object does not exist.',
  CONFLICT: 'The change clashes with the current state (a rule across rows, or a concurrent change).',
  FORBIDDEN: 'The caller is known but may not do this.',
  UNAUTHENTICATED: 'The caller could not be identified.',
  UNAVAILABLE: 'A service this request depends on did not answer; nothing was changed; try again.',
  QUERY_LIMIT_EXCEEDED: 'The operation is deeper, has more aliases, directives or tokens, or costs more than the gateway accepts (HTTP 400); `extensions.limit` names the limit, `maximum` and `estimated` give the figures.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request the server can read: malformed JSON, another content type, charset or encoding (HTTP 400 or 415).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts (HTTP 413); `extensions.maximum` gives the limit in bytes.',
  INTERNAL_SERVER_ERROR: 'Something unexpected failed; details are in the service log, never in the response.',
} as const;
export type ErrorCode = keyof typeof errorCodes;

/** Figures a refusal carries in `extensions` besides its code and field (e.g. a limit and the estimate). */
export type ErrorDetails = Record<string, string | number>;

/** A refusal the caller can act on. Domain code throws these; the kit maps them to GraphQL errors. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class ValidationError extends DomainError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', message, field);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string, id: string, field?: string) {
    super('NOT_FOUND', `${what} ${id} does not exist`, field);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this') {
    super('FORBIDDEN', message);
  }
}

export class UnavailableError extends DomainError {
  constructor(service: string) {
    super('UNAVAILABLE', `The ${service} service did not answer; nothing was changed, please try again`);
  }
}

export type QueryLimit = 'depth' | 'aliases' | 'cost' | 'tokens' | 'directives';
const limitWords: Record<QueryLimit, string> = { depth: 'is nested', aliases: 'has aliases', cost: 'costs', tokens: 'has tokens', directives: 'has directives' };

/** An operation over one of the gateway's query limits, refused before any subgraph is asked. */
export class QueryLimitError extends DomainError {
  constructor(limit: QueryLimit, maximum: number, estimated: number) {
    super('QUERY_LIMIT_EXCEEDED', `The operation ${limitWords[limit]} ${estimated} (${limit}); the limit is ${maximum}`, undefined, { limit, maximum, estimated });
  }
}

/** "This cannot happen" checks, kept apart from caller mistakes: a failure is a bug, masked as internal. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant violated: ${message}`);
}

/** Postgres constraint errors that escaped a use case still mean the caller's change clashed. */
const postgresCodes: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'CONFLICT', message: 'This conflicts with an existing record' },
  '23P01': { code: 'CONFLICT', message: 'This overlaps an existing record' },
  '23503': { code: 'NOT_FOUND', message: 'A referenced record does not exist' },
  '23514': { code: 'BAD_USER_INPUT', message: 'A value breaks a rule' },
  '40001': { code: 'CONFLICT', message: 'A concurrent change interfered; try again' },
};

/** Apollo's own codes for malformed requests pass through unchanged. */
const passThroughCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The domain error behind `error`: thrown by a resolver (Apollo wraps it with a path), or reported for
 * the whole request (a validation rule's refusal, wrapped by Apollo as its `originalError`).
 */
function domainErrorOf(error: unknown): DomainError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof DomainError) return original.originalError;
  const tokens = tokenLimitExceeded(original);
  return tokens && new QueryLimitError('tokens', tokens.maximum, tokens.estimated);
}

/** Apollo `formatError`: domain errors keep their code and message; anything else is masked and logged. */
export function errorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const domain = domainErrorOf(error);
    if (domain) {
      return { ...base, message: domain.message, extensions: { code: domain.code, ...(domain.field ? { field: domain.field } : {}), ...domain.details } };
    }
    const pgCode = (original as { code?: unknown })?.code;
    if (typeof pgCode === 'string' && postgresCodes[pgCode]) {
      const mapped = postgresCodes[pgCode];
      return { ...base, message: mapped.message, extensions: { code: mapped.code } };
    }
    // GraphQL errors that already carry a known code: request validation, or a subgraph's refusal relayed by the gateway.
    // An internal error keeps no message of its own, relayed or not (e.g. a failed subgraph fetch's "read ECONNRESET").
    const code = formatted.extensions?.code;
    const relayed = !(original instanceof Error) || original instanceof GraphQLError;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && relayed && (passThroughCodes.has(code) || code in errorCodes)) {
      const field = formatted.extensions?.field;
      return { ...base, extensions: { code, ...(typeof field === 'string' ? { field } : {}) } };
    }
    logger.error({ err: original }, 'unexpected error');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
