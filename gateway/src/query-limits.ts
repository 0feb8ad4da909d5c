import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { QueryLimitError, type QueryLimit } from '@cpb/kit/core';
import type { GatewayConfig } from './config';
import { dataCostPlugin } from './data-cost/plugin';

/** Directives in one operation: no dashboard needs more; not configurable. */
const MAX_DIRECTIVES = 20;

/** graphql-armor's refusals read "… limit of <maximum> exceeded, found <estimated>." */
const FIGURES = /limit of (\d+) exceeded, found (\d+(?:\.\d+)?)/;

/**
 * Reports an armor refusal as a query-limit error with its figures: Apollo answers it 400 (it is a
 * validation error) and the kit's error formatter gives it the one code QUERY_LIMIT_EXCEEDED.
 */
function reportAs(limit: QueryLimit, maximum: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = FIGURES.exec(error.message);
    const estimated = found ? Math.ceil(Number(found[2])) : maximum + 1;
    context?.reportError(new GraphQLError(error.message, { originalError: new QueryLimitError(limit, maximum, estimated) }));
  };
}

const refusal = (limit: QueryLimit, maximum: number) => ({ propagateOnRejection: false, onReject: [reportAs(limit, maximum)] });

export interface QueryLimits<C extends BaseContext> {
  plugins: ApolloServerPlugin<C>[];
  validationRules: ValidationRule[];
  /** For the kit server's parser: it stops past this many tokens, before any rule runs on a huge document. */
  maxTokens: number;
}

/**
 * Depth, aliases and directives are checked by graphql-armor's validation rules; tokens by
 * graphql-js's parser (armor's token plugin throws from a parsing hook, which Apollo answers with 500);
 * cost by the amount of data the operation can answer (data-cost/: lists times their page sizes, which
 * needs the request's variables), not by armor's depth-weighted cost, which refused ordinary dashboard
 * pages. All of them are refused before planning, with QUERY_LIMIT_EXCEEDED and the figures.
 */
export function queryLimits<C extends BaseContext>(config: GatewayConfig): QueryLimits<C> {
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH, ...refusal('depth', config.MAX_DEPTH) },
    maxAliases: { n: config.MAX_ALIASES, ...refusal('aliases', config.MAX_ALIASES) },
    costLimit: { enabled: false },
    maxDirectives: { n: MAX_DIRECTIVES, ...refusal('directives', MAX_DIRECTIVES) },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  }).protect();
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin<C>[]), dataCostPlugin<C>(config.MAX_COST)],
    validationRules: armor.validationRules,
    maxTokens: config.MAX_TOKENS,
  };
}
