import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  IDEMPOTENCY_KEY_HEADER,
  INTERNAL_IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  type Actor,
  type Logger,
  type RequestInfo,
} from '@cpb/kit/core';
import { noteSubgraphRead } from './response-cache/subgraphs-read';
import { subgraphFailure } from './subgraph-failure';

/**
 * Sends each subgraph fetch with the request id, the request's language (as Accept-Language, so the
 * subgraph words its refusals in it) and the caller's verified identity, signed with that subgraph's
 * own secret (so a subgraph called directly, without the gateway, answers nothing), and the client's
 * Idempotency-Key as sent (the subgraph checks it; it keys each mutation field by its response name,
 * so one key serves an operation with several mutations: docs/reliability.md).
 */
export class SubgraphSource extends RemoteGraphQLDataSource<RequestInfo> {
  constructor(
    private readonly subgraph: string,
    private readonly identity: (actor: Actor, subgraph: string) => Promise<string>,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<RequestInfo>>[0],
    private readonly logger?: Logger,
  ) {
    super(options);
  }

  async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestInfo>): Promise<void> {
    const { requestId, actor, locale, headers } = context as Partial<RequestInfo>;
    noteSubgraphRead(context, this.subgraph); // what a cached answer depends on (response-cache/)
    const idempotencyKey = headers?.[IDEMPOTENCY_KEY_HEADER];
    if (idempotencyKey !== undefined) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, String(idempotencyKey));
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    if (locale) request.http?.headers.set('accept-language', locale);
    if (actor) request.http?.headers.set(INTERNAL_IDENTITY_HEADER, await this.identity(actor, this.subgraph));
  }

  /** A failed fetch becomes a coded UNAVAILABLE with a catalogue message (subgraph-failure.ts); its cause goes to the log. */
  didEncounterError(...[error, , response, , request]: Parameters<RemoteGraphQLDataSource<RequestInfo>['didEncounterError']>): void {
    const failure = subgraphFailure(this.subgraph, error, response, request?.query);
    if (!failure) throw error;
    this.logger?.warn({ err: error, subgraph: this.subgraph, status: response?.status }, 'subgraph fetch failed');
    throw failure;
  }
}
