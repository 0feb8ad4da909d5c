import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { deserialize, serialize } from 'node:v8';
import { ConflictError, ValidationError } from '../errors';
import { msg } from '../messages';
import type { Transact, UnitOfWork } from '../transact';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH } from './header';
import { idempotencyTtlHours } from './settings';

/** Visible ASCII: a UUID, a ULID or any opaque token; two copies of the header (joined by ", ") are refused. */
const KEY_SHAPE = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/** One mutation field of one request under a key: where its record lives, and what it was asked. */
export interface IdempotentCall {
  key: string;
  /** The mutation field by its response name (`Mutation.signUp@second`): one key serves a document with several. */
  scope: string;
  /** Hash of field, arguments and actor: the same key with any other is refused. */
  fingerprint: string;
}

/** The key the request carries, checked (BAD_USER_INPUT); undefined without one. */
export function idempotencyKeyOf(headers: IncomingHttpHeaders | undefined): string | undefined {
  const raw = headers?.[IDEMPOTENCY_KEY_HEADER];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !KEY_SHAPE.test(raw)) {
    throw new ValidationError(IDEMPOTENCY_KEY_HEADER, msg('idempotency.badKey', { max: IDEMPOTENCY_KEY_MAX_LENGTH }));
  }
  return raw;
}

/** JSON with object keys sorted, so the same arguments hash the same whatever order the client wrote them in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function fingerprintOf(field: string, args: unknown, actor: unknown): string {
  return createHash('sha256').update(canonical({ field, args, actor })).digest('base64url');
}

const FORGET_EXPIRED = `DELETE FROM idempotency_key WHERE key = $1 AND scope = $2 AND step = $3 AND expires_at <= now()`;
// Waits, on the primary key, for a copy of this call whose transaction is still open, then finds its row.
const CLAIM = `
  INSERT INTO idempotency_key (key, scope, step, fingerprint, expires_at)
  VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
  ON CONFLICT DO NOTHING RETURNING step`;
const RECORDED = `SELECT fingerprint, result FROM idempotency_key WHERE key = $1 AND scope = $2 AND step = $3`;
const RECORD = `UPDATE idempotency_key SET result = $4 WHERE key = $1 AND scope = $2 AND step = $3`;

/**
 * A transactor that makes each of the call's transactions happen once per key: the first claims the
 * key inside the change's own transaction and stores the change's result beside it; a retry (or a copy
 * arriving at once, which waits on the key's row) gets that result back and writes nothing. Results
 * are kept with v8's structured serialisation, so dates stay dates. A failed change rolls its claim
 * back with it: a retry after a refusal runs again.
 */
export function idempotentTransact(transact: Transact, call: IdempotentCall): Transact {
  let step = 0;
  return <T>(work: (unit: UnitOfWork) => Promise<T>) => {
    step += 1;
    const where = [call.key, call.scope, step];
    return transact(async (unit) => {
      await unit.tx.query(FORGET_EXPIRED, where);
      const claimed = (await unit.tx.query(CLAIM, [...where, call.fingerprint, idempotencyTtlHours() * 3600])) as unknown[];
      if (claimed.length === 0) {
        const [first] = (await unit.tx.query(RECORDED, where)) as { fingerprint: string; result: Uint8Array | null }[];
        if (!first || !first.result) throw new ConflictError(msg('record.concurrentChange'));
        if (first.fingerprint !== call.fingerprint) throw new ConflictError(msg('idempotency.reused'));
        return deserialize(first.result) as T;
      }
      const result = await work(unit);
      await unit.tx.query(RECORD, [...where, serialize(result)]);
      return result;
    });
  };
}
