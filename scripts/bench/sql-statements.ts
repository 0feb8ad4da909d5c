/**
 * SQL statements per operation: each service's `db_statements_total` (GET /metrics) before and
 * after one request of the operation through our gateway. A count that grows with the data (N+1)
 * shows up here at scale even when the latency hides it.
 */
import { graphql } from '@cpb/kit';
import type { RequestBody } from './operations';

export type StatementCounts = Record<string, number>;

async function statementsOf(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('db_statements_total'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}

/** Statements each service sent for one request of each operation (first variable set of its pool). */
export async function statementsPerOperation(
  gatewayUrl: string,
  headers: Record<string, string>,
  services: { name: string; baseUrl: string }[],
  pools: Map<string, RequestBody[]>,
): Promise<Record<string, StatementCounts>> {
  const counts: Record<string, StatementCounts> = {};
  for (const [op, pool] of pools) {
    const before = await Promise.all(services.map((s) => statementsOf(s.baseUrl)));
    const { query, variables } = pool[0];
    await graphql(gatewayUrl, query, variables, headers);
    const after = await Promise.all(services.map((s) => statementsOf(s.baseUrl)));
    counts[op] = Object.fromEntries(services.map((s, i) => [s.name, after[i] - before[i]]));
  }
  return counts;
}
