import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import {
  IDEMPOTENCY_KEY_HEADER,
  INTERNAL_IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  type Actor,
  type Logger,
  type RequestInfo,
} from '@cpb/kit/core';
import { entityFetchBatcher, type SendFetch } from './entity-batching/batcher';
import type { EntityFetch } from './entity-batching/merge';
import { noteSubgraphRead } from './response-cache/subgraphs-read';
import { subgraphFailure } from './subgraph-failure';

type Response = GatewayGraphQLResponse & { http?: FetcherResponse };

export interface SubgraphSourceOptions {
  url: string;
  fetcher: NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource<RequestInfo>>[0]>['fetcher'];
  /** Merge the entity fetches one request makes to this subgraph on the same turn into one (entity-batching/). */
  batchEntityFetches?: boolean;
}

/**
 * Sends each subgraph fetch with the request id, the request's language (as Accept-Language, so the
 * subgraph words its refusals in it) and the caller's verified identity, signed with that subgraph's
 * own secret (so a subgraph called directly, without the gateway, answers nothing), and the client's
 * Idempotency-Key as sent (the subgraph checks it; it keys each mutation field by its response name,
 * so one key serves an operation with several mutations: docs/reliability.md).
 *
 * `process` is RemoteGraphQLDataSource's, less what this gateway does not use (APQ to subgraphs, a
 * node-fetch Headers and Request object per fetch) and plus the merging of sibling entity fetches.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<RequestInfo> {
  private readonly sendFetch: SendFetch<object, Response>;

  constructor(
    private readonly subgraph: string,
    private readonly identity: (actor: Actor, subgraph: string) => Promise<string>,
    options: SubgraphSourceOptions,
    private readonly logger?: Logger,
  ) {
    super({ url: options.url, fetcher: options.fetcher });
    const send: SendFetch<object, Response> = (context, fetch) => this.send(context, fetch);
    this.sendFetch = options.batchEntityFetches === false ? send : entityFetchBatcher(send);
  }

  override async process(options: GraphQLDataSourceProcessOptions<RequestInfo>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    noteSubgraphRead(context, this.subgraph); // what a cached answer depends on (response-cache/)
    const response = await this.sendFetch(context, {
      query: request.query,
      operationName: request.operationName,
      variables: request.variables,
    });
    if ('incomingRequestContext' in options) {
      const policy = options.incomingRequestContext.overallCachePolicy;
      // As RemoteGraphQLDataSource does: the subgraph's Cache-Control restricts the request's cache policy.
      if (policy && 'restrict' in policy) policy.restrict(cacheHint(response.http?.headers.get('cache-control')));
    }
    return response;
  }

  private async headersOf(context: Partial<RequestInfo>): Promise<Record<string, string>> {
    const { requestId, actor, locale, headers: incoming } = context;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const idempotencyKey = incoming?.[IDEMPOTENCY_KEY_HEADER];
    if (idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = String(idempotencyKey);
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    if (locale) headers['accept-language'] = locale;
    if (actor) headers[INTERNAL_IDENTITY_HEADER] = await this.identity(actor, this.subgraph);
    return headers;
  }

  private async send(context: Partial<RequestInfo>, fetch: EntityFetch): Promise<Response> {
    let response: FetcherResponse | undefined;
    try {
      // The operation text first: the transport tells a mutation by the body's start.
      const body = JSON.stringify({ query: fetch.query, operationName: fetch.operationName, variables: fetch.variables });
      response = await this.fetcher(this.url, { method: 'POST', headers: await this.headersOf(context), body });
      if (!response.ok) throw await this.errorFromResponse(response);
      const result = await this.parseBody(response);
      if (typeof result !== 'object' || result === null) throw new Error(`Expected JSON response body, but received: ${String(result)}`);
      return { ...(result as GatewayGraphQLResponse), http: response };
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, response, context as RequestInfo, fetch);
      throw error;
    }
  }

  /** A failed fetch becomes a coded UNAVAILABLE with a catalogue message (subgraph-failure.ts); its cause goes to the log. */
  didEncounterError(...[error, , response, , request]: Parameters<RemoteGraphQLDataSource<RequestInfo>['didEncounterError']>): void {
    const failure = subgraphFailure(this.subgraph, error, response, request?.query);
    if (!failure) throw error;
    this.logger?.warn({ err: error, subgraph: this.subgraph, status: response?.status }, 'subgraph fetch failed');
    throw failure;
  }
}

/** A subgraph's Cache-Control as a cache hint (max-age, private/public), as @apollo/gateway reads it. */
function cacheHint(header: string | null | undefined): { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } {
  const hint: { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } = { maxAge: 0 };
  for (const part of (header ?? '').split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === 'max-age' && value !== undefined && /^\d+$/.test(value)) hint.maxAge = Number(value);
    if (name === 'private') hint.scope = 'PRIVATE';
    if (name === 'public') hint.scope = 'PUBLIC';
  }
  return hint;
}
