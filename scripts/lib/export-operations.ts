import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLResponse } from '@cpb/kit';
import type { TrustedDocumentManifest } from './trusted-documents';
import type { GatewayClient } from './gateway-client';

/**
 * The exports' operations are trusted documents (schemas/operations/exports/, `npm run documents`),
 * sent by hash as the dashboard sends its own: a gateway in production configuration
 * (TRUSTED_DOCUMENTS=enforce) runs only registered operations for every caller but the ad-hoc roles,
 * so an export written as free text would be refused to a secretary.
 */
const manifestPath = join(__dirname, '..', '..', 'schemas', 'trusted-documents.json');
let hashes: Map<string, string> | undefined;

function hashOf(operationName: string): string {
  hashes ??= new Map(
    (JSON.parse(readFileSync(manifestPath, 'utf8')) as TrustedDocumentManifest).operations.map((o) => [o.name, o.id] as const),
  );
  const hash = hashes.get(operationName);
  if (!hash) throw new Error(`${operationName} is not in schemas/trusted-documents.json: run \`npm run documents\``);
  return hash;
}

/** Runs a registered operation by its hash as the client's caller; throws with the codes of any error. */
export async function runTrusted<T>(client: GatewayClient, operationName: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${client.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...client.headers },
    body: JSON.stringify({ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(operationName) } } }),
  });
  const answer = (await response.json()) as GraphQLResponse<T>;
  if (answer.errors?.length) throw new Error(answer.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('\n'));
  return answer.data as T;
}

/** The caller's role as its token states it (the gateway checks the signature; this only picks a report's shape). */
export function callerRole(client: GatewayClient): string | undefined {
  const token = /^Bearer (.+)$/.exec(client.headers.authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { role?: unknown };
  return typeof claims.role === 'string' ? claims.role : undefined;
}
