import { type Federation, startFederation } from '@cpb/kit/testing';
/**
 * `totalCount` is counted only when selected (issue 15): counting every row a filter matches was the
 * slowest part of a page at 300,000 members. A root list (keyset page) and a nested one (paged loader)
 * each send exactly one statement more when `totalCount` is asked for, and that statement is the count.
 */

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

/**
 * The statements each service sends for one query: the least of three runs, since the services' own
 * background work (scheduled steps, pruners at start) can only add statements to a run, never remove them.
 */
async function statements(query: string, variables?: Record<string, unknown>) {
  let answer: Awaited<ReturnType<Federation['query']>> | undefined;
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < 3; i++)
    runs.push(await federation.statementsPerService(async () => (answer = await federation.query(query, variables))));
  expect(answer!.errors).toBeUndefined();
  const perService = Object.fromEntries(Object.keys(runs[0]).map((name) => [name, Math.min(...runs.map((run) => run[name]))]));
  return { perService, data: answer!.data as Record<string, never> };
}

describe('totalCount is counted only when selected', () => {
  it('on a root list (members): one statement fewer without it, and the same page', async () => {
    const without = await statements('{ members(first: 5) { edges { node { id } } } }');
    const counted = await statements('{ members(first: 5) { totalCount edges { node { id } } } }');
    expect(counted.perService.members - without.perService.members).toBe(1);
    expect(counted.data.members).toMatchObject({ totalCount: expect.any(Number), edges: without.data.members['edges'] });
    expect((counted.data.members as { totalCount: number }).totalCount).toBeGreaterThan(5);
  });

  it('on a nested list batched for many parents (each community’s activities): one grouped count for all of them, only when selected', async () => {
    const page = (total: string) =>
      `{ communities(first: 3) { edges { node { id activities(first: 2) { ${total} edges { node { id } } } } } } }`;
    const without = await statements(page(''));
    const counted = await statements(page('totalCount'));
    expect(counted.perService.activities - without.perService.activities).toBe(1);
    const totals = (counted.data.communities as { edges: { node: { activities: { totalCount: number } } }[] }).edges.map(
      (e) => e.node.activities.totalCount,
    );
    expect(totals).toHaveLength(3);
    expect(totals.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
  });

  it('on a list counted by hand (volunteer teams): the count runs only when selected', async () => {
    const without = await statements('{ volunteerTeams(first: 2) { edges { node { id } } } }');
    const counted = await statements('{ volunteerTeams(first: 2) { totalCount edges { node { id } } } }');
    expect(counted.perService.activities - without.perService.activities).toBe(1);
  });
});
