/**
 * What one request of each operation costs the subgraphs: SQL statements (`db_statements_total`) and
 * GraphQL requests (`graphql_request_duration_seconds_count`) per service, from GET /metrics before
 * and after one request through a gateway. A statement count that grows with the data (N+1) shows up
 * here at scale even when latency hides it; the request count shows how a gateway splits the work.
 */
import { graphql } from '@cpb/kit';
import type { RequestBody } from './operations';

export type PerService = Record<string, number>;
export interface SubgraphWork {
  statements: Record<string, PerService>;
  requests: Record<string, PerService>;
}

function sumOf(metrics: string, name: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(name) && (line[name.length] === ' ' || line[name.length] === '{'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

async function countersOf(baseUrl: string): Promise<{ statements: number; requests: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return { statements: sumOf(text, 'db_statements_total'), requests: sumOf(text, 'graphql_request_duration_seconds_count') };
}

/** What a scrape of each service's /metrics counts by itself: its gauges' collectors run SQL (outbox backlog...). */
async function scrapeStatements(services: { baseUrl: string }[]): Promise<number[]> {
  const fewest = services.map(() => Infinity);
  for (let round = 0; round < 3; round++) {
    const before = await Promise.all(services.map((s) => countersOf(s.baseUrl)));
    const after = await Promise.all(services.map((s) => countersOf(s.baseUrl)));
    // The fewest of three rounds: a relay's poll may fall between two scrapes, the scrape's own statements always do.
    after.forEach((a, i) => (fewest[i] = Math.min(fewest[i], a.statements - before[i].statements)));
  }
  return fewest;
}

/** Per service, for one request of each operation (the first variable set of its pool), the scrapes' own statements taken off. */
export async function subgraphWorkPerOperation(
  gatewayUrl: string,
  headers: Record<string, string>,
  services: { name: string; baseUrl: string }[],
  pools: Map<string, RequestBody[]>,
): Promise<SubgraphWork> {
  const work: SubgraphWork = { statements: {}, requests: {} };
  const ownStatements = await scrapeStatements(services);
  for (const [op, pool] of pools) {
    const before = await Promise.all(services.map((s) => countersOf(s.baseUrl)));
    const { query, variables } = pool[0];
    await graphql(gatewayUrl, query, variables, headers);
    const after = await Promise.all(services.map((s) => countersOf(s.baseUrl)));
    work.statements[op] = Object.fromEntries(
      services.map((s, i) => [s.name, Math.max(0, after[i].statements - before[i].statements - ownStatements[i])]),
    );
    work.requests[op] = Object.fromEntries(services.map((s, i) => [s.name, after[i].requests - before[i].requests]));
  }
  return work;
}
