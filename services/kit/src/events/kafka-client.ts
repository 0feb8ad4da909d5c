import { Kafka, type KafkaConfig } from 'kafkajs';

/** The part of kafkajs 2.2.4's per-connection request queue that schedules its next look at pending requests. */
interface RequestQueueTimer {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's own interval between looks at a queue that has requests waiting. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;
let fixed = false;

/**
 * kafkajs 2.2.4 (its last release) schedules the next look at a connection's pending requests at
 * `throttledUntil - Date.now()` even when nothing is pending and nothing is throttled: `throttledUntil`
 * starts at -1, so the delay is minus the epoch. Node 24 warns (TimeoutNegativeWarning) and runs it after
 * 1 ms, and every look schedules the next: each connection spins every millisecond while idle
 * (tulios/kafkajs#1751, #1704; the fixes, #1755 and #1768, are unmerged). Here the delay is never
 * negative, and an idle, unthrottled queue schedules nothing: a new request (`push`) and every answer
 * or timeout look at the queue anyway.
 */
export function fixRequestQueueTimer(RequestQueue: { prototype: RequestQueueTimer }): void {
  RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueTimer) {
    if (this.throttleCheckTimeoutId) return;
    const throttledFor = this.throttledUntil - Date.now();
    if (this.pending.length === 0 && throttledFor <= 0) return;
    const delayMs = throttledFor > 0 ? throttledFor : CHECK_PENDING_REQUESTS_INTERVAL_MS;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delayMs);
  };
}

/** A kafkajs client, its request queues' timer fixed (once per process): every Kafka client of the kit is made here. */
export function kafkaClient(config: KafkaConfig): Kafka {
  if (!fixed) {
    // kafkajs's internal module (no types, no exports map): the class every connection's queue is made of.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fixRequestQueueTimer(require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueTimer });
    fixed = true;
  }
  return new Kafka(config);
}
