export { CreateOutbox1764000000001 } from './outbox-migration';
export { Outbox, type DomainEvent } from './outbox';
export { assertValidEvent, eventValidator, knownEventTypes, EVENT_SCHEMA_DIR } from './schemas';
