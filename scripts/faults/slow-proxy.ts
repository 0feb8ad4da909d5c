/**
 * An HTTP proxy in front of one subgraph for the other services' peer calls (the gateway goes
 * straight to it): `delayMs` holds every request that long before passing it on, which is how the
 * suite makes a peer slow without touching its code. Until `target` is set it answers 502.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowProxy {
  url: string;
  target?: string;
  delayMs: number;
  /** The calls it delayed: the request each served (`x-request-id`, passed on from the gateway) and when it arrived. */
  delayed: { requestId: string; at: number }[];
  close(): Promise<void>;
}

export async function startSlowProxy(): Promise<SlowProxy> {
  const proxy: SlowProxy = { url: '', delayMs: 0, delayed: [], close: async () => undefined };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const forward = () => {
        if (!proxy.target) return void response.writeHead(502).end();
        const target = new URL(proxy.target);
        const upstream = http.request(
          { hostname: target.hostname, port: target.port, path: target.pathname, method: request.method, headers: request.headers },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
        upstream.end(Buffer.concat(chunks));
      };
      if (proxy.delayMs > 0) {
        const id = request.headers['x-request-id'];
        proxy.delayed.push({ requestId: typeof id === 'string' ? id : '(none)', at: Date.now() });
        setTimeout(forward, proxy.delayMs);
      } else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return proxy;
}
