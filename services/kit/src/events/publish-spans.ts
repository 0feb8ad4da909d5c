import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { activeTraceContext, extractTraceContext, tracer } from '../telemetry/trace-context';
import type { OutboxRow } from './envelope';

export interface PublishSpans {
  /** Per row, the W3C headers of its publish span for the Kafka record (empty for an untraced row). */
  headers: Record<string, string>[];
  /** Ends every span: acknowledged, or failed with `error`. */
  end(error?: unknown): void;
}

/**
 * One "publish" span per outbox row, a child of the context the change stored with the row, so the
 * relay's work shows in the mutation's trace however long the event waited. Rows written outside a
 * trace get no span: the relay never starts traces of its own.
 */
export function startPublishSpans(rows: OutboxRow[], topic: string): PublishSpans {
  const spans: Span[] = [];
  const headers = rows.map((row) => {
    if (!row.traceparent) return {};
    const parent = extractTraceContext({ traceparent: row.traceparent, tracestate: row.tracestate ?? undefined });
    const span = tracer.startSpan(
      `publish ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': topic,
          'messaging.message.id': row.id,
          'messaging.kafka.message.key': row.aggregate_id,
          'cpb.event.type': row.type,
        },
      },
      parent,
    );
    spans.push(span);
    return activeTraceContext(trace.setSpan(parent, span)) as Record<string, string>;
  });
  return {
    headers,
    end(error) {
      for (const span of spans) {
        if (error !== undefined) {
          span.recordException(error instanceof Error ? error : String(error));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      }
    },
  };
}
