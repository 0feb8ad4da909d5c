import { fixRequestQueueTimer, kafkaClient } from '../src/events/kafka-client';

// kafkajs's request queue (no types: an internal module of kafkajs 2.2.4).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');
const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
type Queue = {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
};
const newQueue = (): Queue => new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 1_000, clientId: 't', broker: 'b', logger });

describe("kafkajs's request-queue timer, as the kit fixes it", () => {
  const original = RequestQueue.prototype.scheduleCheckPendingRequests;
  let delays: number[];
  beforeEach(() => {
    delays = [];
    const setTimeout = global.setTimeout;
    jest.spyOn(global, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return setTimeout(callback, ms);
    }) as typeof global.setTimeout);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    RequestQueue.prototype.scheduleCheckPendingRequests = original;
  });

  it('as released, schedules minus the epoch on an idle queue (the TimeoutNegativeWarning the tests printed)', () => {
    const queue = newQueue();
    queue.scheduleCheckPendingRequests();
    queue.destroy();
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThan(-Date.now() + 1_000);
  });

  it('schedules nothing for an idle, unthrottled queue', () => {
    fixRequestQueueTimer(RequestQueue);
    const queue = newQueue();
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
    expect(delays).toEqual([]);
  });

  it('still looks again at a queue with requests waiting (after 10 ms) and at a throttled one (when the throttle ends)', async () => {
    fixRequestQueueTimer(RequestQueue);
    const waiting = newQueue();
    let looks = 0;
    waiting.checkPendingRequests = () => void (looks += 1);
    waiting.pending.push({});
    waiting.scheduleCheckPendingRequests();
    waiting.scheduleCheckPendingRequests(); // one look scheduled at a time
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(looks).toBe(1);
    expect(delays[0]).toBe(10);

    delays = [];
    const throttled = newQueue();
    throttled.throttledUntil = Date.now() + 60_000;
    throttled.scheduleCheckPendingRequests();
    throttled.destroy();
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(59_000);
  });

  it('is applied by every client the kit makes', () => {
    kafkaClient({ clientId: 't', brokers: ['127.0.0.1:1'] });
    const queue = newQueue();
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });
});
