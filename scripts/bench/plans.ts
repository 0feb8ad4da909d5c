/**
 * Prints, for every benchmark operation, @apollo/gateway's query plan and the Hive router's (the Rust
 * planner of @graphql-hive/router-runtime) and how many subgraph requests each sends:
 * `npx tsx scripts/bench/plans.ts [--verbose]` (--verbose prints the plans themselves).
 * Ours is counted as the gateway sends it: the plan's fetches with sibling entity fetches merged
 * (gateway/src/entity-batching/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan, type QueryPlan } from '@apollo/query-planner';
import type { PlanNode as HivePlanNode } from '@graphql-hive/router-query-planner' with { 'resolution-mode': 'import' };
import { parse } from 'graphql';
import { planShape } from '../../gateway/src/entity-batching/plan-shape';
import { withoutToDoList } from './hive-gateway';
import { loadOperations } from './operations';

/** @apollo/gateway's plans for a supergraph, made by the planner the gateway uses, with its default settings. */
export function apolloPlanner(sdl: string): (query: string, operationName: string) => QueryPlan {
  const supergraph = Supergraph.build(sdl);
  const planner = new QueryPlanner(supergraph);
  return (query, operationName) => planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query), { operationName }));
}

/** Subgraph requests a Hive router plan sends: a Fetch or a BatchFetch (several aliased entity fetches) is one. */
function hiveRequests(node: HivePlanNode | undefined): number {
  if (!node) return 0;
  switch (node.kind) {
    case 'Fetch':
    case 'BatchFetch':
      return 1;
    case 'Flatten':
      return hiveRequests(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.reduce((sum, child) => sum + hiveRequests(child), 0);
    case 'Condition':
      return Math.max(hiveRequests(node.ifClause), hiveRequests(node.elseClause));
    default:
      throw new Error(`cannot count ${node.kind} nodes`);
  }
}

async function main() {
  const verbose = process.argv.includes('--verbose');
  const sdl = readFileSync(join(__dirname, '..', '..', 'schemas', 'supergraph.graphql'), 'utf8');
  const { QueryPlanner: HiveQueryPlanner } = await import('@graphql-hive/router-query-planner');
  const hive = new HiveQueryPlanner(withoutToDoList(sdl));
  const plan = apolloPlanner(sdl);
  const rows = loadOperations().map((op) => {
    const apollo = plan(op.query, op.operationName);
    const router = hive.plan(op.query, op.operationName, new Set(), 0);
    if (verbose) {
      console.log(`\n### ${op.name}: @apollo/gateway\n${prettyFormatQueryPlan(apollo)}`);
      console.log(`\n### ${op.name}: Hive router\n${JSON.stringify(router.node, null, 1)}`);
    }
    const ours = planShape(apollo);
    return {
      operation: op.name,
      '@apollo/gateway plan': ours.fetches,
      'ours (merged)': ours.requests,
      'Hive router': hiveRequests(router.node),
    };
  });
  console.table(rows);
}

if (require.main === module) void main();
