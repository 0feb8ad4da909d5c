/**
 * Gathers the entity fetches one request makes to one subgraph while the event loop is on the same turn
 * (the siblings of a parallel plan step, and the next step's siblings once their shared answer arrives)
 * and sends them as one operation (merge.ts). Only fetches of the same request context are merged: they
 * carry the same caller identity, language and request id, and their answers count towards one response.
 */
import { isEntityFetch, mergeEntityFetches, splitMergedResult, type EntityFetch, type SubgraphResult } from './merge';

interface Waiting<R> {
  fetch: EntityFetch;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** Sends one fetch for a request context; the answer keeps whatever else the sender attaches (its HTTP response). */
export type SendFetch<C extends object, R extends SubgraphResult> = (context: C, fetch: EntityFetch) => Promise<R>;

export function entityFetchBatcher<C extends object, R extends SubgraphResult>(send: SendFetch<C, R>): SendFetch<C, R> {
  const pending = new Map<C, Waiting<R>[]>();

  function flush(context: C) {
    const waiting = pending.get(context)!;
    pending.delete(context);
    if (waiting.length === 1) {
      const [only] = waiting;
      send(context, only.fetch).then(only.resolve, only.reject);
      return;
    }
    send(context, mergeEntityFetches(waiting.map((w) => w.fetch))).then(
      ({ data, errors, extensions, ...response }) => {
        const parts = splitMergedResult({ data, errors, extensions }, waiting.length);
        parts.forEach((part, i) => waiting[i].resolve({ ...response, ...part } as R));
      },
      (error: unknown) => waiting.forEach((w) => w.reject(error)),
    );
  }

  return (context, fetch) => {
    if (!isEntityFetch(fetch)) return send(context, fetch);
    return new Promise<R>((resolve, reject) => {
      let waiting = pending.get(context);
      if (!waiting) {
        pending.set(context, (waiting = []));
        // setImmediate runs once the promise callbacks of this turn have run: every sibling has asked by then.
        // One per request, so each batch is sent in its own request's async context (trace, request id).
        setImmediate(flush, context);
      }
      waiting.push({ fetch, resolve, reject });
    });
  };
}
