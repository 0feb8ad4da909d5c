import { SpanKind, SpanStatusCode, context, trace, type Link } from '@opentelemetry/api';
import type { KafkaMessage } from 'kafkajs';
import { extractTraceContext, tracer } from '../telemetry/trace-context';
import type { CloudEvent } from './envelope';

/**
 * Applies one event inside a "process" span that joins the trace of the change that caused it: the
 * child of the relay's publish span (the record's `traceparent` header) or, for a record whose headers
 * were dropped on the way, of the event's own `traceparent` (the CloudEvents tracing extension),
 * with a link to the latter either way. An event that carries no trace context is applied untraced.
 */
export async function processInSpan<T>(
  topic: string,
  partition: number,
  message: KafkaMessage,
  event: CloudEvent,
  apply: () => Promise<T>,
): Promise<T> {
  const origin = event.traceparent ? extractTraceContext({ traceparent: event.traceparent, tracestate: event.tracestate }) : undefined;
  const hop = message.headers?.traceparent
    ? extractTraceContext(message.headers as Record<string, Buffer | string | undefined>)
    : undefined;
  const parent = hop ?? origin;
  if (!parent) return apply();
  const originSpan = origin ? trace.getSpanContext(origin) : undefined;
  const links: Link[] = originSpan ? [{ context: originSpan }] : [];
  const span = tracer.startSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.message.id': event.id,
        'cloudevents.event_id': event.id,
        'cloudevents.event_source': event.source,
        'cloudevents.event_type': event.type,
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), apply);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
