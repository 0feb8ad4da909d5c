export { CreateIdempotencyKeys1768000000000 } from './migration';
export { idempotencyEnvSchema, idempotencyTtlHours, useIdempotencyTtl } from './settings';
export { pruneIdempotencyKeys, startIdempotencyPruner } from './pruner';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH } from './header';
export { fingerprintOf, idempotencyKeyOf, idempotentTransact, type IdempotentCall } from './idempotent-transact';
