/** The refusal of an operation whose estimated amount of data is over the limit, naming the lists to shrink. */
import { DomainError, msg, requestRefusal } from '@cpb/kit/core';
import type { GraphQLError } from 'graphql';
import type { CostEstimate } from './estimate';

/** Lists named in the message: the ones that add the most. */
const NAMED_LISTS = 3;

export class DataCostError extends DomainError {
  constructor(estimate: CostEstimate, maximum: number) {
    const estimated = Math.ceil(estimate.cost);
    const lists = estimate.lists
      .slice(0, NAMED_LISTS)
      .map((l) => `${l.path} ×${l.size} (${Math.ceil(l.cost)})`)
      .join('; ');
    super('QUERY_LIMIT_EXCEEDED', msg('query.dataCost', { estimated, maximum, lists }), undefined, {
      limit: 'cost',
      maximum,
      estimated,
      lists,
    });
  }
}

/** Answered 400, like the other query limits. */
export function dataCostRefusal(estimate: CostEstimate, maximum: number): GraphQLError {
  return requestRefusal(new DataCostError(estimate, maximum), 400);
}
