import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** A refusal of the whole HTTP request, in the shape of a GraphQL response so clients read it like any other. */
function refuse(res: Response, status: number, code: ErrorCode, message: string, details: Record<string, number> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}

/** What body-parser and zlib report, as `{ type }` or a zlib `code`. */
interface BodyError {
  type?: string;
  code?: string;
  status?: number;
  limit?: number;
}

/**
 * Errors raised before GraphQL sees the request (reading, decompressing or parsing the body) answer
 * as JSON GraphQL errors with a stable code, in every mode: never Express's HTML page, whose
 * development flavour carries a stack trace with absolute paths.
 */
export function requestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: BodyError, _req, res, next) => {
    if (res.headersSent) return next(error);
    switch (error.type) {
      case 'entity.too.large':
        return refuse(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the ${error.limit} bytes this server accepts`, error.limit ? { maximum: error.limit } : {});
      case 'entity.parse.failed':
        return refuse(res, 400, 'BAD_REQUEST', 'The request body is not a JSON object');
      case 'charset.unsupported':
        return refuse(res, 415, 'BAD_REQUEST', 'Send the request body as JSON in UTF-8');
      case 'encoding.unsupported':
        return refuse(res, 415, 'BAD_REQUEST', 'The request body is compressed in an encoding this server does not read (gzip, deflate and br are read)');
    }
    if (typeof error.code === 'string' && error.code.startsWith('Z_')) return refuse(res, 400, 'BAD_REQUEST', 'The request body could not be decompressed');
    if (error.status && error.status >= 400 && error.status < 500) return refuse(res, 400, 'BAD_REQUEST', 'The request could not be read');
    logger.error({ err: error }, 'unexpected error before GraphQL');
    return refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}

/** A POST to the GraphQL endpoint must be JSON (GET carries the query in the URL). */
export const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json') || req.is('+json')) return next();
  refuse(res, 415, 'BAD_REQUEST', 'Send GraphQL requests as application/json');
};

/** Any other path: a JSON 404, never an HTML page. */
export const notFoundHandler: RequestHandler = (_req, res) => refuse(res, 404, 'NOT_FOUND', 'Nothing is served at this path; GraphQL answers at /graphql');
