import type { IncomingMessage } from 'node:http';

/**
 * The request body, or null once it passes `maxBytes`; the rest is still read and dropped (not kept),
 * so the client gets the refusal as a response rather than a broken connection.
 */
export async function boundedBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let over = Number.isFinite(declared) && declared > maxBytes;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (over) continue;
    size += chunk.length;
    if (size > maxBytes) {
      over = true;
      chunks.length = 0;
    } else chunks.push(chunk);
  }
  return over ? null : Buffer.concat(chunks, size);
}
