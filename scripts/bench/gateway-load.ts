/**
 * Drives a gateway with autocannon: `connections` keep-alive connections, each sending the next
 * request as soon as the previous one answered (closed loop), for `seconds`. Each request is a
 * random operation of `ops` with a random variable set from its pool, so caches see variety.
 */
import autocannon, { type Client } from 'autocannon';
import type { RequestBody } from './operations';
import { Recorder } from './recorder';
import type { Random } from './random';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  pools: Map<string, RequestBody[]>;
  ops: string[];
  connections: number;
  seconds: number;
  random: Random;
}

/** True when a 200 response still carries GraphQL errors (partial data counts as an error here). */
export function hasGraphQLErrors(body: string): boolean {
  return body.includes('"errors":');
}

export async function loadGateway(options: LoadOptions): Promise<Recorder> {
  const recorder = new Recorder();
  // Bodies are serialised once: JSON.stringify in the load generator would steal CPU from the target.
  const bodies = new Map(options.ops.map((op) => [op, options.pools.get(op)!.map((body) => JSON.stringify(body))]));
  const headers = { ...options.headers, 'content-type': 'application/json' };
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context) => {
          const op = options.ops[options.random.below(options.ops.length)];
          const list = bodies.get(op)!;
          context.op = op;
          return { ...request, method: 'POST', headers, body: list[options.random.below(list.length)] };
        },
        onResponse: (status, body, context) => {
          context.failure = status !== 200 ? `HTTP ${status}: ${body}` : hasGraphQLErrors(body) ? body : undefined;
        },
      },
    ],
  });
  instance.on('response', (client: Client, _status: number, _bytes: number, ms: number) => {
    const { op, failure } = client.requestIterator.context as { op: string; failure?: string };
    recorder.record(op, ms, failure);
  });
  const result = await instance;
  // Timeouts and connection errors never produce a 'response'; charge them to the run as a whole.
  for (let i = 0; i < result.errors; i++) recorder.fail('(no response)', 'connection error or timeout');
  return recorder;
}
