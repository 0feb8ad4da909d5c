import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestInfo } from '@cpb/kit/core';
import { answerKey, readsPeerFacts, scopeOf } from './key';
import { stillValid, type AnswerStore } from './store';
import { subgraphsRead } from './subgraphs-read';

/** The response header that says how the cache treated a query: hit, miss or bypass. */
export const CACHE_HEADER = 'x-response-cache';

export type CacheOutcome = 'hit' | 'miss' | 'bypass';

export interface AnswerCacheOptions {
  store: AnswerStore;
  /** Every subgraph's name: answers that may rest on peer facts depend on all of them. */
  subgraphs: readonly string[];
  /** False while events are not being watched: then nothing is served from or kept in the cache. */
  live: () => boolean;
  count?: (outcome: CacheOutcome) => void;
  onError?: (error: unknown) => void;
}

/**
 * Serves a query's answer from the store when the same caller scope asked the same operation with the
 * same variables before and no subgraph the answer read has had an event since; keeps an answer only
 * when every subgraph that served it sent a cache hint (Cache-Control max-age, which @apollo/gateway
 * folds into the request's overall cache policy), for the shortest of them, and only without errors.
 * A store that fails (Redis away) costs the cache, never the answer.
 */
export function answerCachePlugin<C extends BaseContext>(options: AnswerCacheOptions): ApolloServerPlugin<C> {
  const { store, count = () => undefined, onError = () => undefined } = options;
  return {
    async requestDidStart() {
      let key: string | undefined;
      let generations: Record<string, number> | undefined;
      let served = false;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation?.operation !== 'query') return null;
          const http = requestContext.response.http;
          if (!options.live()) {
            http.headers.set(CACHE_HEADER, 'bypass');
            count('bypass');
            return null;
          }
          const caller = requestContext.contextValue as Partial<RequestInfo>;
          const { request, queryHash } = requestContext;
          key = answerKey(scopeOf(caller), {
            queryHash: queryHash ?? request.query ?? '',
            operationName: request.operationName,
            variables: request.variables,
          });
          try {
            const found = await store.lookup(key);
            generations = found.generations;
            if (found.answer && stillValid(found.answer, found.generations)) {
              served = true;
              http.headers.set(CACHE_HEADER, 'hit');
              count('hit');
              return { body: { kind: 'single', singleResult: found.answer.result }, http };
            }
          } catch (error) {
            onError(error);
            key = undefined;
            http.headers.set(CACHE_HEADER, 'bypass');
            count('bypass');
            return null;
          }
          http.headers.set(CACHE_HEADER, 'miss');
          count('miss');
          return null;
        },
        async willSendResponse(requestContext) {
          if (served || !key || !generations || !options.live()) return;
          const { response, overallCachePolicy, errors } = requestContext;
          const policy = overallCachePolicy.policyIfCacheable();
          if (!policy || errors?.length || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          const caller = requestContext.contextValue as Partial<RequestInfo>;
          const read = readsPeerFacts(caller.actor) ? options.subgraphs : [...subgraphsRead(requestContext.contextValue)];
          // The generations as they were before any subgraph was asked: an event since makes this answer stale at once.
          const depends = Object.fromEntries(read.map((subgraph) => [subgraph, generations![subgraph] ?? 0]));
          await store.save(key, { generations: depends, result: response.body.singleResult }, policy.maxAge * 1000).catch(onError);
        },
      };
    },
  };
}
