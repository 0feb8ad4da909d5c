/**
 * Identical query fetches in flight at once share one subgraph request (gateway/src/subgraph-transport.ts,
 * SUBGRAPH_SHARE_INFLIGHT), against a real HTTP server that counts what it is asked: only when body,
 * identity and language are the same, never for mutations, each sharer with its own response to read.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphTransport, transportFetcher } from '../src/subgraph-transport';

let server: http.Server;
let url: string;
const received: { body: string; headers: http.IncomingHttpHeaders }[] = [];
let release: (() => void)[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ body, headers: request.headers });
      // Each answer waits until the test lets it go, so the fetches are in flight together.
      release.push(() => {
        response.setHeader('content-type', 'application/json');
        response.setHeader('cache-control', 'max-age=5');
        response.end(JSON.stringify({ data: { asked: received.length } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  release = [];
});

async function answered(count: number) {
  while (received.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  // Whatever would join a request already out has had its chance.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

function fetcherWith(shareInflight: boolean) {
  const transport = new SubgraphTransport(url, { maxSockets: 8, timeoutMs: 5_000 });
  let shared = 0;
  const fetcher = transportFetcher(url, transport, { shareInflight, onShared: () => (shared += 1) });
  return { fetcher, transport, shared: () => shared };
}

/** Every fetch reached the subgraph on its own (none shared): then they are all answered. */
async function eachItsOwnRequest(fetches: Promise<unknown>[], count: number, shared: () => number) {
  await answered(count);
  expect(received).toHaveLength(count);
  release.forEach((go) => go());
  await Promise.all(fetches);
  expect(shared()).toBe(0);
}

const query = JSON.stringify({ query: 'query Q($id:ID!){organization(id:$id){name}}', variables: { id: 'o1' } });
const caller = (requestId: string, identity = 'signed-a', language = 'zh-CN') => ({
  'content-type': 'application/json',
  'x-request-id': requestId,
  'x-cpb-identity': identity,
  'accept-language': language,
  traceparent: `00-${requestId.padStart(32, '0')}-0000000000000001-01`,
});

it('the same query of the same caller from concurrent requests: one subgraph request, each its own answer object', async () => {
  const { fetcher, transport, shared } = fetcherWith(true);
  const fetches = ['r1', 'r2', 'r3'].map((id) => fetcher(url, { method: 'POST', headers: caller(id), body: query }));
  await answered(1);
  expect(received).toHaveLength(1);
  release.forEach((go) => go());
  const responses = await Promise.all(fetches);
  expect(shared()).toBe(2);
  const bodies = await Promise.all(responses.map((r) => r.json()));
  expect(bodies).toEqual([{ data: { asked: 1 } }, { data: { asked: 1 } }, { data: { asked: 1 } }]);
  expect(bodies[0]).not.toBe(bodies[1]);
  responses[0].headers.set('cache-control', 'no-store');
  expect(responses[1].headers.get('cache-control')).toBe('max-age=5');
  // Once answered, the next identical fetch asks again.
  const again = fetcher(url, { method: 'POST', headers: caller('r4'), body: query });
  await answered(2);
  release[1]();
  expect(await (await again).json()).toEqual({ data: { asked: 2 } });
  transport.close();
});

it('another caller, another language, other variables or a mutation: a request of its own', async () => {
  const { fetcher, transport, shared } = fetcherWith(true);
  const mutation = JSON.stringify({ query: 'mutation M{renameOrganization(id:"o1",name:"x"){name}}' });
  const other = JSON.stringify({ query: 'query Q($id:ID!){organization(id:$id){name}}', variables: { id: 'o2' } });
  const fetches = [
    fetcher(url, { method: 'POST', headers: caller('r1'), body: query }),
    fetcher(url, { method: 'POST', headers: caller('r2', 'signed-b'), body: query }),
    fetcher(url, { method: 'POST', headers: caller('r3', 'signed-a', 'en'), body: query }),
    fetcher(url, { method: 'POST', headers: caller('r4'), body: other }),
    fetcher(url, { method: 'POST', headers: caller('r5'), body: mutation }),
    fetcher(url, { method: 'POST', headers: caller('r6'), body: mutation }),
  ];
  await eachItsOwnRequest(fetches, 6, shared);
  transport.close();
});

it('with sharing off, every fetch is its own request', async () => {
  const { fetcher, transport, shared } = fetcherWith(false);
  const fetches = ['r1', 'r2'].map((id) => fetcher(url, { method: 'POST', headers: caller(id), body: query }));
  await eachItsOwnRequest(fetches, 2, shared);
  transport.close();
});

it('a failed shared request fails every sharer, and the next fetch asks again', async () => {
  const transport = new SubgraphTransport(url, { maxSockets: 8, timeoutMs: 200 });
  const fetcher = transportFetcher(url, transport, { shareInflight: true });
  const fetches = ['r1', 'r2'].map((id) => fetcher(url, { method: 'POST', headers: caller(id), body: query }));
  const outcomes = await Promise.allSettled(fetches);
  expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  expect(received).toHaveLength(1);
  const again = fetcher(url, { method: 'POST', headers: caller('r3'), body: query });
  await answered(2);
  release[1]();
  expect((await again).status).toBe(200);
  transport.close();
});
