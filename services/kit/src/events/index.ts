export { CreateOutbox1764000000001 } from './outbox-migration';
export { AddOutboxTraceContext1767000000014 } from './outbox-trace-migration';
export { Outbox, type DomainEvent } from './outbox';
export { assertValidEvent, eventSchema, eventValidator, knownEventTypes, EVENT_SCHEMA_DIR } from './schemas';
export { scrubEventData, scrubbedProperties, type ScrubbedProperty, type WithheldWhen } from './scrub-event';
export { startRelay, kafkaEnvSchema, type Relay, type RelayOptions } from './relay';
export { kafkaClient } from './kafka-client';
export {
  toCloudEvent,
  toKafkaMessage,
  withTraceHeaders,
  eventTopic,
  CLOUDEVENTS_CONTENT_TYPE,
  type CloudEvent,
  type OutboxRow,
} from './envelope';
export { CreateProcessedEvents1766000000000 } from './processed-events-migration';
export {
  startConsumer,
  parseCloudEvent,
  domainEventType,
  type EventConsumer,
  type ConsumerOptions,
  type ConsumerStats,
  type EventContext,
  type EventHandler,
} from './consumer';
export { CreateAuditLog1764000000003 } from './audit-migration';
export { readAuditTrail, subtreeFrom, type AuditEntry, type AuditScope, type Subtree } from './audit-trail';
export {
  IndexOutboxArchive1767000000000,
  outboxArchiveEnvSchema,
  pruneOutboxArchive,
  startOutboxPruner,
  type OutboxPruner,
} from './outbox-archive';
export { republishOutbox, markReplayed, type RepublishOptions, type RepublishResult } from './republish';
export { importCommitted, type CommittedImport } from './import-committed';
