import http from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * One HTTP request on node:http, a new connection each time. The launcher of `npm start` stays
 * clear of fetch: its client (undici) would stay loaded, some 15 MB, for the launcher's lifetime.
 */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
