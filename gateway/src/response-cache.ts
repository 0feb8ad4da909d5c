import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import type { RequestInfo } from '@cpb/kit/core';

interface Entry {
  body: GraphQLResponse['body'];
  until: number;
}

/** Who is asking, as far as what they may see goes, and in which language: every cached answer belongs to one caller and locale. */
function callerKey(context: Partial<RequestInfo>): string {
  const actor = context.actor;
  const who = actor ? [actor.role, actor.sub, actor.orgId, actor.unitId, actor.memberId].join('\u0000') : 'anonymous';
  return `${who}\u0000${context.locale ?? ''}`;
}

function cacheKey<C extends BaseContext>(requestContext: GraphQLRequestContext<C>): string {
  const { request, queryHash } = requestContext;
  return createHash('sha256')
    .update(`${queryHash ?? request.query}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}\u0000${callerKey(requestContext.contextValue as Partial<RequestInfo>)}`)
    .digest('hex');
}

/**
 * A whole-response cache that honours cache hints: a query's answer is kept only when every
 * subgraph that served it said how long it may be cached (Cache-Control max-age on its response,
 * which @apollo/gateway folds into the request's overall cache policy), for the shortest of those
 * times, and only for the same caller, operation and variables (answers depend on who asks, so even
 * PUBLIC hints are kept per caller). Without hints from the subgraphs nothing is cached.
 */
export function responseCachePlugin<C extends BaseContext>(maxEntries: number): ApolloServerPlugin<C> {
  const entries = new Map<string, Entry>();
  return {
    async requestDidStart() {
      let key: string | undefined;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation?.operation !== 'query') return null;
          key = cacheKey(requestContext);
          const hit = entries.get(key);
          if (!hit) return null;
          if (hit.until <= Date.now()) {
            entries.delete(key);
            return null;
          }
          // Least recently used goes first: re-insert to move it to the end.
          entries.delete(key);
          entries.set(key, hit);
          return { body: hit.body, http: requestContext.response.http };
        },
        async willSendResponse(requestContext) {
          const policy = requestContext.overallCachePolicy.policyIfCacheable();
          if (!key || !policy || requestContext.errors?.length || requestContext.response.body.kind !== 'single' || entries.has(key)) return;
          if (requestContext.response.body.singleResult.errors?.length) return;
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
          entries.set(key, { body: requestContext.response.body, until: Date.now() + policy.maxAge * 1000 });
        },
      };
    },
  };
}
