import type { Message } from 'kafkajs';

/** One outbox row as the relay reads it (column names as in the table). */
export interface OutboxRow {
  seq: string;
  id: string;
  aggregate_type: string;
  aggregate_id: string;
  type: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
  /** W3C trace context of the change that wrote the row; null when it was not traced. */
  traceparent?: string | null;
  tracestate?: string | null;
}

/** A CloudEvents 1.0 event as it travels in structured mode: the whole event is the message value. */
export interface CloudEvent {
  specversion: '1.0';
  /** The outbox row's id: with `source`, what consumers dedupe on (the relay delivers at least once). */
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  data: Record<string, unknown>;
  /**
   * CloudEvents distributed-tracing extension: the trace of the change that caused the event (its
   * start, not the hops since: each hop's context is in the record's `traceparent` header).
   */
  traceparent?: string;
  tracestate?: string;
  /** Extension attribute on an event republished from the outbox archive: the republish run's id. */
  replayid?: string;
  /** Extension attribute: when it was republished (`time` stays when it happened). */
  replayedat?: string;
}

/** The content type of a structured-mode CloudEvent (CloudEvents Kafka protocol binding). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** The base of every event schema's `$id` (schemas/events/<type>.json), so `dataschema` names the very file. */
export const DEFAULT_SCHEMA_BASE_URI = 'https://schemas.cpb.example/events/';

/** The topic a service publishes to; `v1` changes only with an incompatible envelope. */
export function eventTopic(service: string): string {
  return `${service}.events.v1`;
}

export function toCloudEvent(row: OutboxRow, service: string, schemaBaseUri = DEFAULT_SCHEMA_BASE_URI): CloudEvent {
  return {
    specversion: '1.0',
    id: row.id,
    source: `/cpb/${service}`,
    type: `cn.cpb.${row.type}`,
    subject: row.aggregate_id,
    time: new Date(row.occurred_at).toISOString(),
    datacontenttype: 'application/json',
    dataschema: new URL(`${row.type}.json`, schemaBaseUri).toString(),
    data: row.payload,
    ...(row.traceparent ? { traceparent: row.traceparent } : {}),
    ...(row.traceparent && row.tracestate ? { tracestate: row.tracestate } : {}),
  };
}

/** Key = aggregate id, so the partitioner keeps every event of one aggregate on one partition, in order. */
export function toKafkaMessage(event: CloudEvent): Message {
  return {
    key: event.subject,
    value: JSON.stringify(event),
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
  };
}

/** The record with the trace context of its publish (W3C headers), when the publish is traced. */
export function withTraceHeaders(message: Message, hop: Record<string, string>): Message {
  return Object.keys(hop).length ? { ...message, headers: { ...message.headers, ...hop } } : message;
}
