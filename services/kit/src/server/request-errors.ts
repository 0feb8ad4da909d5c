import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { askedLocale, msg, render, type Message } from '../messages';

/**
 * A refusal of the whole HTTP request, in the shape of a GraphQL response so clients read it like any
 * other, in the language the request asks for (no caller is known yet, so no token's default applies).
 */
function refuse(
  req: Request,
  res: Response,
  status: number,
  code: ErrorCode,
  message: Message,
  details: Record<string, number> = {},
): void {
  const locale = askedLocale(req.headers['accept-language']);
  res.status(status).setHeader('content-language', locale);
  res.json({
    errors: [
      { message: render(message, locale), extensions: { code, messageKey: message.key, messageParams: message.params, ...details } },
    ],
  });
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
  return (error: BodyError, req, res, next) => {
    if (res.headersSent) return next(error);
    switch (error.type) {
      case 'entity.too.large':
        return refuse(
          req,
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          msg('request.bodyTooLarge', { maximum: error.limit ?? 0 }),
          error.limit ? { maximum: error.limit } : {},
        );
      case 'entity.parse.failed':
        return refuse(req, res, 400, 'BAD_REQUEST', msg('request.notJsonObject'));
      case 'charset.unsupported':
        return refuse(req, res, 415, 'BAD_REQUEST', msg('request.charset'));
      case 'encoding.unsupported':
        return refuse(req, res, 415, 'BAD_REQUEST', msg('request.encoding'));
    }
    if (typeof error.code === 'string' && error.code.startsWith('Z_'))
      return refuse(req, res, 400, 'BAD_REQUEST', msg('request.notDecompressed'));
    if (error.status && error.status >= 400 && error.status < 500) return refuse(req, res, 400, 'BAD_REQUEST', msg('request.unreadable'));
    logger.error({ err: error }, 'unexpected error before GraphQL');
    return refuse(req, res, 500, 'INTERNAL_SERVER_ERROR', msg('service.internal'));
  };
}

/** A POST to the GraphQL endpoint must be JSON (GET carries the query in the URL). */
export const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json') || req.is('+json')) return next();
  refuse(req, res, 415, 'BAD_REQUEST', msg('request.notJson'));
};

/** Any other path: a JSON 404, never an HTML page. */
export const notFoundHandler: RequestHandler = (req, res) => refuse(req, res, 404, 'NOT_FOUND', msg('request.noSuchPath'));
