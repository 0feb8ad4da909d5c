/** The header a client sends on a mutation it may retry; the gateway forwards it to the subgraphs. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
