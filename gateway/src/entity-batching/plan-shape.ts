/**
 * How many subgraph requests a query plan of @apollo/gateway turns into once the batcher (batcher.ts)
 * merges the entity fetches to the same subgraph that start on the same turn. Read statically: fetches
 * at the same step of the plan (after the same number of earlier answers) start together, as they do
 * when their predecessors were themselves merged, which holds for the sibling steps the planner emits.
 * For the plan-shape test and `scripts/bench/plans.ts`; the gateway itself merges at run time.
 */
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';

export interface PlanShape {
  /** Fetch nodes in the plan: what @apollo/gateway sends without merging. */
  fetches: number;
  /** Subgraph requests with sibling entity fetches merged. */
  requests: number;
  /** The requests per subgraph, e.g. { organizations: 2, members: 1 }. */
  perSubgraph: Record<string, number>;
}

const isEntityFetch = (fetch: FetchNode) => fetch.requires !== undefined && fetch.requires.length > 0;

export function planShape(plan: QueryPlan): PlanShape {
  const steps: { step: number; fetch: FetchNode }[] = [];
  /** Places the node's fetches starting at `step`; returns the step after its last answer. */
  function place(node: PlanNode, step: number): number {
    switch (node.kind) {
      case 'Fetch':
        steps.push({ step, fetch: node });
        return step + 1;
      case 'Flatten':
        return place(node.node, step);
      case 'Sequence':
        return node.nodes.reduce((at, child) => place(child, at), step);
      case 'Parallel':
        return Math.max(step, ...node.nodes.map((child) => place(child, step)));
      case 'Condition':
        return Math.max(node.ifClause ? place(node.ifClause, step) : step, node.elseClause ? place(node.elseClause, step) : step);
      default:
        throw new Error(`plan shape: ${node.kind} nodes are not counted`);
    }
  }
  if (plan.node && plan.node.kind !== 'Subscription') place(plan.node, 0);
  const requests = new Set<string>();
  steps.forEach(({ step, fetch }, i) => requests.add(isEntityFetch(fetch) ? `${step}\u0000${fetch.serviceName}` : `root ${i}`));
  const perSubgraph: Record<string, number> = {};
  for (const key of requests) {
    const subgraph = key.startsWith('root ') ? steps[Number(key.slice(5))].fetch.serviceName : key.split('\u0000')[1];
    perSubgraph[subgraph] = (perSubgraph[subgraph] ?? 0) + 1;
  }
  return { fetches: steps.length, requests: requests.size, perSubgraph };
}
