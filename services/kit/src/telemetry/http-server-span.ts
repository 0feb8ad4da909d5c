import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER, requestIdOf } from '../server/request-id';
import { extractTraceContext, requestScope, tracer } from './trace-context';

/**
 * The server span of one GraphQL request: continues the caller's trace (the `traceparent` the
 * gateway or a peer sent), is active while the request runs (so the gateway's spans, Postgres
 * statements, peer calls and outbox rows hang under it, and log lines carry its ids), and ends when
 * the response is sent. It also fixes the request id for the whole request, so peer calls forward it.
 */
export function serverSpans(service: string): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req.headers);
    req.headers[REQUEST_ID_HEADER] = requestId;
    const parent = extractTraceContext(req.headers);
    const span = tracer.startSpan(
      `${req.method} ${req.baseUrl || req.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'url.path': req.originalUrl.split('?')[0],
          'cpb.service': service,
          'cpb.request_id': requestId,
        },
      },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    requestScope.run({ requestId }, () => context.with(trace.setSpan(parent, span), next));
  };
}
