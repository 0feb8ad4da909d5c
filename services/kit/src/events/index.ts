export { CreateOutbox1764000000001 } from './outbox-migration';
export { Outbox, type DomainEvent } from './outbox';
export { assertValidEvent, eventValidator, knownEventTypes, EVENT_SCHEMA_DIR } from './schemas';
export { startRelay, kafkaEnvSchema, type Relay, type RelayOptions } from './relay';
export { toCloudEvent, toKafkaMessage, eventTopic, CLOUDEVENTS_CONTENT_TYPE, type CloudEvent, type OutboxRow } from './envelope';
export { CreateProcessedEvents1766000000000 } from './processed-events-migration';
export { startConsumer, parseCloudEvent, domainEventType, type EventConsumer, type ConsumerOptions, type ConsumerStats, type EventContext, type EventHandler } from './consumer';
export { CreateAuditLog1764000000003 } from './audit-migration';
export { readAuditTrail, subtreeFromPeers, type AuditEntry, type AuditScope, type Subtree } from './audit-trail';
