import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertValidEvent } from './schemas';

/** A domain event as a use case states it; the relay wraps it in a CloudEvents envelope. */
export interface DomainEvent {
  /** e.g. `organization.created`; its schema is schemas/events/<type>.json. */
  type: string;
  aggregateType: string;
  /** Becomes the Kafka message key and the CloudEvents `subject`: keeps one aggregate in order. */
  aggregateId: string;
  data: Record<string, unknown>;
}

/** Writes events into the outbox inside the caller's transaction: both commit, or neither. */
export class Outbox {
  constructor(private readonly tx: EntityManager) {}

  async emit(...events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      assertValidEvent(event.type, event.data);
      await this.tx.query(
        `INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload) VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), event.aggregateType, event.aggregateId, event.type, JSON.stringify(event.data)],
      );
    }
  }
}
