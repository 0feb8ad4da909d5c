import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from './logger';
import { currentLocale, msg, render, type Locale, type Message, type TermValue } from './messages';
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
  QUERY_LIMIT_EXCEEDED:
    'The operation is deeper, has more aliases, directives or tokens, or costs more than the gateway accepts (HTTP 400); `extensions.limit` names the limit, `maximum` and `estimated` give the figures.',
  BAD_REQUEST:
    'The HTTP request is not a GraphQL request the server can read: malformed JSON, another content type, charset or encoding (HTTP 400 or 415).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts (HTTP 413); `extensions.maximum` gives the limit in bytes.',
  INTERNAL_SERVER_ERROR: 'Something unexpected failed; details are in the service log, never in the response.',
} as const;
export type ErrorCode = keyof typeof errorCodes;

/** Figures a refusal carries in `extensions` besides its code and field (e.g. a limit and the estimate). */
export type ErrorDetails = Record<string, string | number>;

/**
 * A refusal the caller can act on. Domain code throws these with a catalogue message
 * (`msg(key, params)`); the kit maps them to GraphQL errors and renders the message in the reader's
 * language. `message` (logs, stack traces) is the English text. Inline prose (a string) is accepted
 * only until the services' throw sites are converted (test/no-inline-messages.test.ts keeps the list).
 */
export class DomainError extends Error {
  /** The catalogue message; absent where the thrower still wrote inline prose. */
  readonly text?: Message;

  constructor(
    readonly code: ErrorCode,
    message: Message | string,
    readonly field?: string,
    readonly details?: ErrorDetails,
  ) {
    super(typeof message === 'string' ? message : render(message, 'en'));
    this.name = new.target.name;
    if (typeof message !== 'string') this.text = message;
  }

  /** The message as the reader reads it: in their language, or the inline prose as written. */
  localized(locale: Locale = currentLocale()): string {
    return this.text ? render(this.text, locale) : this.message;
  }
}
export class ValidationError extends DomainError {
  constructor(field: string, message: Message);
  /** @deprecated Inline prose: throw a catalogue message, `msg(key, params)`. */
  constructor(field: string, message: string);
  constructor(field: string, message: Message | string) {
    super('BAD_USER_INPUT', message, field);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: TermValue<'entity'>, id: string, field?: string);
  /** @deprecated A type the catalogue's `entity` terms do not name: add it there. */
  constructor(what: string, id: string, field?: string);
  constructor(what: string, id: string, field?: string) {
    super('NOT_FOUND', msg('record.notFound', { entity: what as TermValue<'entity'>, id }), field);
  }
}
export class ConflictError extends DomainError {
  constructor(message: Message);
  /** @deprecated Inline prose: throw a catalogue message, `msg(key, params)`. */
  constructor(message: string);
  constructor(message: Message | string) {
    super('CONFLICT', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message?: Message);
  /** @deprecated Inline prose: throw a catalogue message, `msg(key, params)`. */
  constructor(message: string);
  constructor(message: Message | string = msg('auth.mayNot')) {
    super('FORBIDDEN', message);
  }
}

export class UnavailableError extends DomainError {
  constructor(service: TermValue<'service'>) {
    super('UNAVAILABLE', msg('service.unavailable', { service }));
  }
}

export type QueryLimit = 'depth' | 'aliases' | 'cost' | 'tokens' | 'directives';

/** An operation over one of the gateway's query limits, refused before any subgraph is asked. */
export class QueryLimitError extends DomainError {
  constructor(limit: QueryLimit, maximum: number, estimated: number) {
    super('QUERY_LIMIT_EXCEEDED', msg(`query.${limit}`, { maximum, estimated }), undefined, { limit, maximum, estimated });
  }
}

/**
 * A refusal of the whole request (raised outside a resolver: while authenticating, or by a plugin)
 * as the GraphQL error Apollo sends, with the HTTP status it answers with; the formatter renders it.
 */
export function requestRefusal(error: DomainError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });
}

/** "This cannot happen" checks, kept apart from caller mistakes: a failure is a bug, masked as internal. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant violated: ${message}`);
}

/** Postgres constraint errors that escaped a use case still mean the caller's change clashed. */
const postgresCodes: Record<string, { code: ErrorCode; message: Message }> = {
  '23505': { code: 'CONFLICT', message: msg('record.conflict') },
  '23P01': { code: 'CONFLICT', message: msg('record.overlap') },
  '23503': { code: 'NOT_FOUND', message: msg('record.referenceMissing') },
  '23514': { code: 'BAD_USER_INPUT', message: msg('record.ruleBroken') },
  '40001': { code: 'CONFLICT', message: msg('record.concurrentChange') },
};

/** Node's and Postgres' signs that the database could not be reached or dropped the connection (class 08, 57P01-57P03). */
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03']);
const unreachableText =
  /connection terminated|terminating connection|timeout exceeded when trying to connect|connection error|not queryable/i;

/**
 * Whether `error` (or what it wraps: TypeORM's `driverError`, an `Error.cause`) says the database was
 * out of reach: the caller may retry, so it is `UNAVAILABLE`, not an internal error.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && (unreachableCodes.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && unreachableText.test(message)) return true;
  return isDatabaseUnreachable(driverError, depth + 1) || isDatabaseUnreachable(cause, depth + 1);
}

const databaseUnavailable = msg('service.databaseUnavailable');

/** What `extensions` carries besides the code and field so clients can render their own text: the key and its parameters. */
function messageExtensions(message: Message): { messageKey: string; messageParams: Message['params'] } {
  return { messageKey: message.key, messageParams: message.params };
}

const internalError = msg('service.internal');

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

/**
 * Apollo `formatError`: domain errors keep their code and field, their message rendered in the
 * request's language, with its key and parameters; anything else is masked and logged.
 */
export function errorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const domain = domainErrorOf(error);
    if (domain) {
      const field = domain.field ? { field: domain.field } : {};
      return {
        ...base,
        message: domain.localized(),
        extensions: { code: domain.code, ...field, ...(domain.text ? messageExtensions(domain.text) : {}), ...domain.details },
      };
    }
    const pgCode = (original as { code?: unknown })?.code;
    if (typeof pgCode === 'string' && postgresCodes[pgCode]) {
      const mapped = postgresCodes[pgCode];
      return { ...base, message: render(mapped.message), extensions: { code: mapped.code, ...messageExtensions(mapped.message) } };
    }
    if (isDatabaseUnreachable(original)) {
      logger.warn({ err: original }, 'database out of reach');
      return {
        ...base,
        message: render(databaseUnavailable),
        extensions: { code: 'UNAVAILABLE', ...messageExtensions(databaseUnavailable) },
      };
    }
    // GraphQL errors that already carry a known code: request validation, or a subgraph's refusal relayed by the gateway
    // (already in the request's language: the gateway forwards Accept-Language). An internal error keeps no message of
    // its own, relayed or not (e.g. a failed subgraph fetch's "read ECONNRESET").
    const code = formatted.extensions?.code;
    const relayed = !(original instanceof Error) || original instanceof GraphQLError;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && relayed && (passThroughCodes.has(code) || code in errorCodes)) {
      const { field, messageKey, messageParams } = formatted.extensions ?? {};
      const keyed =
        typeof messageKey === 'string' && typeof messageParams === 'object' && messageParams !== null ? { messageKey, messageParams } : {};
      return { ...base, extensions: { code, ...(typeof field === 'string' ? { field } : {}), ...keyed } };
    }
    logger.error({ err: original }, 'unexpected error');
    return { ...base, message: render(internalError), extensions: { code: 'INTERNAL_SERVER_ERROR', ...messageExtensions(internalError) } };
  };
}
