/**
 * Where the traced stacks send their spans during the benchmark: an OTLP/HTTP endpoint on loopback
 * that reads each export fully and answers 200 as a collector would, counting requests and bytes
 * (so the report shows that spans really went out). It runs in the benchmark's process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpSink {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT (the exporters append /v1/traces). */
  url: string;
  stats(): { requests: number; bytes: number };
  stop(): Promise<void>;
}

export async function startOtlpSink(): Promise<OtlpSink> {
  let requests = 0;
  let bytes = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      requests += 1;
      // An empty ExportTraceServiceResponse: OTLP/HTTP accepts an empty body with 200.
      res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/x-protobuf' }).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats: () => ({ requests, bytes }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
