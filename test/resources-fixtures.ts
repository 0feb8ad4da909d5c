import type { GraphQLResponse } from '@cpb/kit';
import type { Federation } from './federation-harness';

/** Shared by the resources tests: the seeded community they work in, and small readers. */
export interface CommunityFixture {
  id: string;
  name: string;
  partyOrganization: { id: string };
  residentUnits: { id: string; name: string; partyOrganization: { id: string } | null }[];
}

export async function firstCommunity(federation: Federation): Promise<CommunityFixture> {
  const result = await federation.query<{ communities: { edges: { node: CommunityFixture }[] } }>(
    '{ communities(first: 1) { edges { node { id name partyOrganization { id } residentUnits { id name partyOrganization { id } } } } } }',
  );
  expect(result.errors).toBeUndefined();
  return result.data!.communities.edges[0].node;
}

/** Ids of members living in the community (for liaisons). */
export async function membersOf(federation: Federation, communityId: string, count: number): Promise<string[]> {
  const result = await federation.query<{ members: { edges: { node: { id: string } }[] } }>('query($c: ID!, $n: Int) { members(filter: { communityId: $c }, first: $n) { edges { node { id } } } }', { c: communityId, n: count });
  expect(result.errors).toBeUndefined();
  return result.data!.members.edges.map((e) => e.node.id);
}

/** Event types written to the resources outbox, oldest first. */
export async function outboxTypes(federation: Federation): Promise<string[]> {
  const rows: { type: string }[] = await federation.subgraphs.resources.running.database.dataSource.query('SELECT type FROM outbox ORDER BY seq');
  return rows.map((r) => r.type);
}

/** The code (and field) of a refusal, for exact assertions. */
export function refusal(result: GraphQLResponse<unknown>): { code?: string; field?: string } {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, ...(extensions.field ? { field: extensions.field } : {}) };
}

const DAY = 86_400_000;

/** The local (UTC+8) date of the Monday `weeks` weeks after this week's, YYYY-MM-DD. */
export function mondayInWeeks(weeks: number): string {
  const localNow = new Date(Date.now() + 8 * 3_600_000);
  const thisMonday = Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate()) - ((localNow.getUTCDay() + 6) % 7) * DAY;
  return new Date(thisMonday + weeks * 7 * DAY).toISOString().slice(0, 10);
}

/** A local (UTC+8) date-time, as a dashboard in the district would send it. */
export function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
