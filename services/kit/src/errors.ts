import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from './logger';

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
  INTERNAL_SERVER_ERROR: 'Something unexpected failed; details are in the service log, never in the response.',
} as const;
export type ErrorCode = keyof typeof errorCodes;

/** A refusal the caller can act on. Domain code throws these; the kit maps them to GraphQL errors. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
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

/** Apollo `formatError`: domain errors keep their code and message; anything else is masked and logged. */
export function errorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) } };
    }
    const pgCode = (original as { code?: unknown })?.code;
    if (typeof pgCode === 'string' && postgresCodes[pgCode]) {
      const mapped = postgresCodes[pgCode];
      return { ...base, message: mapped.message, extensions: { code: mapped.code } };
    }
    // GraphQL errors that already carry a known code: request validation, or a subgraph's refusal relayed by the gateway.
    const code = formatted.extensions?.code;
    const relayed = !(original instanceof Error) || original instanceof GraphQLError;
    if (typeof code === 'string' && relayed && (passThroughCodes.has(code) || code in errorCodes)) {
      const field = formatted.extensions?.field;
      return { ...base, extensions: { code, ...(typeof field === 'string' ? { field } : {}) } };
    }
    logger.error({ err: original }, 'unexpected error');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
