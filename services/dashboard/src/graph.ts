import { ids, texts } from 'virtual:trusted-documents';
import { gatewayUrl } from './config';
import { session } from './session';
import type { GraphError, GraphResult } from './answer';

export type { GraphError, GraphResult } from './answer';

const failure = (code: string, message: string): GraphResult<never> => ({ data: null, errors: [{ message, extensions: { code } }] });

/**
 * Runs a registered operation by its hash (trusted documents): the text never leaves the build.
 * Network failures come back as a NETWORK error, so callers handle one shape.
 */
export async function run<T>(operation: string, variables: Record<string, unknown> = {}): Promise<GraphResult<T>> {
  const sha256Hash = ids[operation];
  if (!sha256Hash) throw new Error(`${operation} is not an operation under schemas/operations/`);
  const body = {
    operationName: operation,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash } },
    ...(texts ? { query: texts[operation] } : {}),
  };
  // The dashboard is in Chinese: its refusals should be too, whatever language the browser prefers.
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'zh-CN' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(await gatewayUrl(), { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    return failure('NETWORK', '无法连接网关');
  }
  try {
    const json = (await response.json()) as { data?: T | null; errors?: GraphError[] };
    return { data: json.data ?? null, errors: json.errors ?? [] };
  } catch {
    return failure('NETWORK', `网关返回了 HTTP ${response.status}`);
  }
}
