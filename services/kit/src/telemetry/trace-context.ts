import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, context, isSpanContextValid, propagation, trace, type Context, type TextMapGetter } from '@opentelemetry/api';

/**
 * The kit's tracer. Without a registered SDK (tracing off) every span it makes is a no-op, so the
 * code below costs a few property reads per request.
 */
export const tracer = trace.getTracer('@cpb/kit');

/** W3C trace context as it travels in an HTTP header, an outbox row, a Kafka header or a CloudEvent. */
export interface TraceContextCarrier {
  traceparent?: string;
  tracestate?: string;
}

/** The active span's context as W3C headers; empty when tracing is off or nothing is being traced. */
export function activeTraceContext(active: Context = context.active()): TraceContextCarrier {
  const carrier: TraceContextCarrier = {};
  propagation.inject(active, carrier);
  return carrier;
}

/** Adds the active trace context to outgoing headers (subgraph fetches, peer calls, Kafka records). */
export function injectTraceContext(headers: Record<string, string>, active: Context = context.active()): void {
  propagation.inject(active, headers);
}

const headerGetter: TextMapGetter<Record<string, string | string[] | Buffer | undefined | null>> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const value = carrier[key];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value[0];
    return Buffer.isBuffer(value) ? value.toString() : value;
  },
};

/** The context a remote caller sent (HTTP headers, Kafka headers, an outbox row); ROOT when it sent none. */
export function extractTraceContext(carrier: Record<string, string | string[] | Buffer | undefined | null>): Context {
  return propagation.extract(ROOT_CONTEXT, carrier, headerGetter);
}

/** `trace_id`/`span_id` of the active span for a log line (pino mixin); nothing outside a trace. */
export function traceLogFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}

/** The request id of the request being served, for calls it makes to other services (peer checks). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();
