import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { serviceActor, type Actor } from '../auth';
import { SpanKind, context, trace } from '@opentelemetry/api';
import { activeTraceContext, tracer } from '../telemetry/trace-context';
import { assertValidEvent } from './schemas';
import { scrubEventData } from './scrub-event';

/** A domain event as a use case states it; the relay wraps it in a CloudEvents envelope. */
export interface DomainEvent {
  /** e.g. `organization.created`; its schema is schemas/events/<type>.json. */
  type: string;
  aggregateType: string;
  /** Becomes the Kafka message key and the CloudEvents `subject`: keeps one aggregate in order. */
  aggregateId: string;
  data: Record<string, unknown>;
  /**
   * Names of the people the change concerns (the members, the liaisons), when the emitting code knows
   * them: the scrubber replaces them in the event's free text. Never written to the outbox.
   */
  personNames?: readonly string[];
}

/**
 * Writes events into the outbox inside the caller's transaction: both commit, or neither. Each
 * event is also the audit record of the change: who (the actor), what (its type), on what, when.
 * Free text leaves scrubbed (its schema's `x-scrubbed` properties): this is the one gate every event
 * passes, so no service scrubs on its own ([ADR 0014](../../../../docs/decisions/0014-no-personal-data-in-event-text.md)).
 */
export class Outbox {
  constructor(
    private readonly tx: EntityManager,
    private readonly actor: Actor = serviceActor('unknown'),
  ) {}

  async emit(...events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      const { id, data, traceparent, tracestate } = this.prepare(event);
      await this.tx.query(
        `WITH event AS (INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, traceparent, tracestate) VALUES ($1, $2, $3, $4, $5, $8, $9))
         INSERT INTO audit_log (actor_sub, actor_role, action, target_type, target_id, event_id) VALUES ($6, $7, $4, $2, $3, $1)`,
        [
          id,
          event.aggregateType,
          event.aggregateId,
          event.type,
          JSON.stringify(data),
          this.actor.sub,
          this.actor.role,
          traceparent ?? null,
          tracestate ?? null,
        ],
      );
    }
  }

  /**
   * A bulk change (an import): every event in the outbox as one-by-one changes would write them, in
   * order, a thousand to a statement; one audit row, for `summary` (the import and its row count),
   * since the change was one act of one actor, not thousands. Without a summary (a seed writing the
   * history it stands for), no audit row: nobody acted.
   */
  async emitBulk(events: readonly DomainEvent[], summary?: DomainEvent): Promise<void> {
    if (summary) await this.emit(summary);
    for (let start = 0; start < events.length; start += 1000) {
      const rows = events.slice(start, start + 1000).map((event) => ({ event, ...this.prepare(event) }));
      // `seq` (the relay's order) follows the events' order: rows are taken in their ordinal order.
      await this.tx.query(
        `INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, traceparent, tracestate)
         SELECT id, aggregate_type, aggregate_id, type, payload::jsonb, traceparent, tracestate
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS e(id, aggregate_type, aggregate_id, type, payload, traceparent, tracestate, n)
         ORDER BY n`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.event.aggregateType),
          rows.map((r) => r.event.aggregateId),
          rows.map((r) => r.event.type),
          rows.map((r) => JSON.stringify(r.data)),
          rows.map((r) => r.traceparent ?? null),
          rows.map((r) => r.tracestate ?? null),
        ],
      );
    }
  }

  /** The event as it is stored: scrubbed, checked against its schema, with its id and its own "create" span's context. */
  private prepare(event: DomainEvent) {
    const data = scrubEventData(event.type, event.data, event.personNames);
    assertValidEvent(event.type, data);
    const id = randomUUID();
    // The event's own "create" span, inside the change's trace: its context travels with the event.
    const span = tracer.startSpan(`create ${event.type}`, {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.operation.type': 'create', 'messaging.message.id': id, 'cpb.event.type': event.type },
    });
    const { traceparent, tracestate } = activeTraceContext(trace.setSpan(context.active(), span));
    span.end();
    return { id, data, traceparent, tracestate };
  }
}
