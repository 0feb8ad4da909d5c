import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER, type RequestInfo } from '@cpb/kit';

/** Sends each subgraph fetch with the request id, so one request can be followed across services. */
export class SubgraphSource extends RemoteGraphQLDataSource<RequestInfo> {
  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestInfo>): void {
    const requestId = (context as Partial<RequestInfo>).requestId;
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }
}
