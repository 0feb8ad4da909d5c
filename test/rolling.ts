/**
 * What a Kubernetes Service and a rolling update do, in-process, for tests: a round-robin proxy that
 * sends requests only to endpoints whose `/ready` answers 200 (polled, as the kubelet's readiness
 * probe feeds the endpoints), and a steady load that records every failed request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Endpoint {
  base: URL;
  ready: boolean;
  /** Failed probes in a row: like a readiness probe's failureThreshold, one slow answer on a busy machine is not enough. */
  failures: number;
}

const FAILURE_THRESHOLD = 3;
const PROBE_TIMEOUT_MS = 2_000;

export class ReadyProxy {
  private readonly endpoints: Endpoint[] = [];
  private readonly server = http.createServer((req, res) => this.forward(req, res));
  private next = 0;
  private poller?: NodeJS.Timeout;
  /** Every `/ready` status body seen, e.g. `draining` while an instance shuts down. */
  readonly readinessSeen = new Set<string>();
  url = '';

  async start(pollMs = 100): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    // One round of probes at a time, as the kubelet probes each pod once per period.
    let probing = false;
    this.poller = setInterval(() => {
      if (probing) return;
      probing = true;
      void this.poll().finally(() => (probing = false));
    }, pollMs);
    return this;
  }

  /** Adds an endpoint (a base URL such as http://127.0.0.1:1234) once it answers ready. */
  async add(base: string): Promise<void> {
    const endpoint = { base: new URL(base), ready: false, failures: 0 };
    this.endpoints.push(endpoint);
    while (!endpoint.ready) await this.poll();
  }

  remove(base: string): void {
    const index = this.endpoints.findIndex((e) => e.base.toString() === new URL(base).toString());
    if (index >= 0) this.endpoints.splice(index, 1);
  }

  private async poll(): Promise<void> {
    await Promise.all(
      this.endpoints.map(async (endpoint) => {
        try {
          const response = await fetch(new URL('/ready', endpoint.base), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
          this.readinessSeen.add(((await response.json()) as { status: string }).status);
          if (response.status !== 200) throw new Error('not ready');
          endpoint.ready = true;
          endpoint.failures = 0;
        } catch {
          if (++endpoint.failures >= FAILURE_THRESHOLD) endpoint.ready = false;
        }
      }),
    );
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const ready = this.endpoints.filter((e) => e.ready);
    if (!ready.length) {
      res.writeHead(503).end('no ready endpoint');
      return;
    }
    const target = ready[this.next++ % ready.length].base;
    // A new connection per request (agent: false), as a connection-level balancer would spread them.
    const upstream = http.request(
      { agent: false, host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(`upstream failed: ${error.message}`);
    });
    req.pipe(upstream);
  }

  async stop(): Promise<void> {
    clearInterval(this.poller);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface LoadResult {
  ok: number;
  failed: number;
  /** A few failures, for the assertion message. */
  failures: string[];
}

/**
 * Sends `send()` from `concurrency` loops until `stop()` is called; a request fails when `send`
 * rejects or returns a reason. Bounded: at most `maxSeconds`, whatever happens.
 */
export function steadyLoad(
  send: () => Promise<string | undefined>,
  concurrency = 4,
  maxSeconds = 120,
): { stop(): Promise<LoadResult>; completed(): number } {
  const result: LoadResult = { ok: 0, failed: 0, failures: [] };
  const deadline = Date.now() + maxSeconds * 1000;
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running && Date.now() < deadline) {
      let failure: string | undefined;
      try {
        failure = await send();
      } catch (error) {
        failure = (error as Error).message;
      }
      if (failure === undefined) result.ok++;
      else {
        result.failed++;
        if (result.failures.length < 5) result.failures.push(failure);
      }
    }
  });
  return {
    completed: () => result.ok + result.failed,
    async stop() {
      running = false;
      await Promise.all(loops);
      return result;
    },
  };
}

/** Waits until `count()` has grown by `more` (requests flowed through a step), or `timeoutMs`. */
export async function whileRequestsFlow(count: () => number, more = 20, timeoutMs = 20_000): Promise<void> {
  const target = count() + more;
  const deadline = Date.now() + timeoutMs;
  while (count() < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  if (count() < target) throw new Error(`only ${count() - target + more} requests completed in ${timeoutMs} ms`);
}
