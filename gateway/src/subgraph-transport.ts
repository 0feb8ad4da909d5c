import http from 'node:http';
import https from 'node:https';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { REQUEST_ID_HEADER } from '@cpb/kit/core';

export interface TransportOptions {
  /** Sockets kept per subgraph; requests beyond it queue instead of opening ever more connections. */
  maxSockets: number;
  /** Whole-request deadline: a subgraph that has not answered by then costs only its fields. */
  timeoutMs: number;
}

type StaleSocketError = Error & { staleSocket?: boolean };

/** How long a kept-alive socket may sit idle before this side closes it. */
const IDLE_SOCKET_MS = 30_000;

export interface TransportResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * POSTs to one subgraph over keep-alive sockets (node:http). The gateway's default path, Node's
 * fetch plus a node-fetch Request per call and an AbortSignal.timeout, was the largest share of
 * its CPU after planning and merging (see docs/benchmarks.md); this does the same exchange with
 * one timer and no stream or Headers objects.
 */
export class SubgraphTransport {
  private readonly agent: http.Agent;
  private readonly target: URL;
  private readonly request: typeof http.request;

  constructor(
    url: string,
    private readonly options: TransportOptions,
  ) {
    this.target = new URL(url);
    const secure = this.target.protocol === 'https:';
    // Idle sockets are closed here after 30 s, well before the subgraph would close them (65 s, the kit's
    // server): a socket the server closes while a request is being written on it fails that request
    // (ECONNRESET), and a mutation is never sent twice. Without a timeout Node keeps idle sockets forever.
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, timeout: IDLE_SOCKET_MS };
    this.agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.request = secure ? https.request : http.request;
  }

  /**
   * POSTs once; when the subgraph had already closed the kept-alive socket the request went out on
   * (ECONNRESET on a reused socket: it never read the request), a `retryable` request goes once more
   * on a fresh one, as Node's documentation suggests. Mutations are never retried.
   */
  async post(body: string, headers: Record<string, string>, retryable = false): Promise<TransportResponse> {
    try {
      return await this.send(body, headers);
    } catch (error) {
      if (retryable && (error as StaleSocketError).staleSocket) return this.send(body, headers);
      throw error;
    }
  }

  private send(body: string, headers: Record<string, string>): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const request = this.request(
        {
          agent: this.agent,
          method: 'POST',
          protocol: this.target.protocol,
          hostname: this.target.hostname,
          port: this.target.port,
          path: `${this.target.pathname}${this.target.search}`,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', fail);
          response.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? '',
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      const timer = setTimeout(
        () => request.destroy(new Error(`${this.target.host} did not answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      function fail(error: Error) {
        clearTimeout(timer);
        if (request.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') (error as StaleSocketError).staleSocket = true;
        reject(error);
      }
      request.on('error', fail);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Node's header object seen through the fetch Headers interface @apollo/gateway reads responses with. */
class ResponseHeaders implements FetcherHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  append(name: string, value: string): void {
    this.raw[name.toLowerCase()] = this.has(name) ? `${this.get(name)}, ${value}` : value;
  }
  set(name: string, value: string): void {
    this.raw[name.toLowerCase()] = value;
  }
  delete(name: string): void {
    delete this.raw[name.toLowerCase()];
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) yield [name, this.get(name)!];
  }
  keys(): IterableIterator<string> {
    return Object.keys(this.raw)[Symbol.iterator]();
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** A transport response as the FetcherResponse that RemoteGraphQLDataSource expects. */
export class SubgraphResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly headers: FetcherHeaders;

  constructor(
    readonly url: string,
    private readonly response: TransportResponse,
  ) {
    this.headers = new ResponseHeaders(response.headers);
  }
  get status() {
    return this.response.status;
  }
  get ok() {
    return this.response.status >= 200 && this.response.status < 300;
  }
  get statusText() {
    return this.response.statusText;
  }
  async text(): Promise<string> {
    return this.response.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.response.body);
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.response.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  clone(): FetcherResponse {
    return new SubgraphResponse(this.url, { ...this.response, headers: { ...this.response.headers } });
  }
}

/** Headers that name the request, not what it asks: two fetches differing only in them get the same answer. */
const NOT_PART_OF_THE_QUESTION = new Set([REQUEST_ID_HEADER, 'traceparent', 'tracestate', 'baggage']);

/** What a query fetch asks of the subgraph: its body and every header that can change the answer (the caller's signed identity, language...). */
function questionOf(body: string, headers: Record<string, string>): string {
  let key = body;
  for (const name of Object.keys(headers).sort()) if (!NOT_PART_OF_THE_QUESTION.has(name)) key += `\n${name}: ${headers[name]}`;
  return key;
}

export interface FetcherOptions {
  /**
   * Identical query fetches in flight at once (same body, same identity and language: the same caller
   * asking the same thing, from concurrent requests) share one subgraph request; each gets its own copy
   * of the answer to parse. Mutations are never shared. As Hive Gateway does by default
   * (`deduplicateInflightRequests`).
   */
  shareInflight?: boolean;
  /** Called for each fetch answered by another one's request. */
  onShared?: () => void;
}

/** The `fetcher` for a RemoteGraphQLDataSource: every request goes to `transport`, whatever URL it names. */
export function transportFetcher(url: string, transport: SubgraphTransport, options: FetcherOptions = {}): Fetcher {
  const inflight = new Map<string, Promise<TransportResponse>>();
  return async (_url, init) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((init?.headers ?? {}) as Record<string, string>)) headers[name.toLowerCase()] = value;
    const body = String(init?.body ?? '');
    // RemoteGraphQLDataSource serialises { query, ... } with the operation text first.
    const retryable = !body.startsWith('{"query":"mutation');
    if (!options.shareInflight || !retryable) return new SubgraphResponse(url, await transport.post(body, headers, retryable));
    const question = questionOf(body, headers);
    let answer = inflight.get(question);
    if (answer) options.onShared?.();
    else {
      answer = transport.post(body, headers, retryable);
      inflight.set(question, answer);
      const done = () => inflight.delete(question);
      answer.then(done, done);
    }
    const response = await answer;
    // Each sharer reads its own headers object (the body is an immutable string, parsed by each).
    return new SubgraphResponse(url, { ...response, headers: { ...response.headers } });
  };
}
