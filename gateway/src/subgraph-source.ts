import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_IDENTITY_HEADER, REQUEST_ID_HEADER, type Actor, type RequestInfo } from '@cpb/kit/core';

/**
 * Sends each subgraph fetch with the request id, the request's language (as Accept-Language, so the
 * subgraph words its refusals in it) and the caller's verified identity, signed with that subgraph's
 * own secret (so a subgraph called directly, without the gateway, answers nothing).
 */
export class SubgraphSource extends RemoteGraphQLDataSource<RequestInfo> {
  constructor(
    private readonly subgraph: string,
    private readonly identity: (actor: Actor, subgraph: string) => Promise<string>,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<RequestInfo>>[0],
  ) {
    super(options);
  }

  async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestInfo>): Promise<void> {
    const { requestId, actor, locale } = context as Partial<RequestInfo>;
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    if (locale) request.http?.headers.set('accept-language', locale);
    if (actor) request.http?.headers.set(INTERNAL_IDENTITY_HEADER, await this.identity(actor, this.subgraph));
  }
}
