import { type Federation, inEnglish, startFederation } from '@cpb/kit/testing';
/**
 * The gateway's limit on the amount of data (gateway/src/data-cost/): dashboard pages that graphql-armor's
 * depth-weighted cost refused go through; a 100 × 100 × 100 fan-out and a page whose estimate is over the
 * limit are refused with the estimate, the limit and the lists to shrink, before any subgraph is asked.
 */

let federation: Federation;

beforeAll(async () => {
  federation = inEnglish(await startFederation());
});
afterAll(() => federation?.stop());

const fanOut = `{ communities(first: 100) { edges { node { activities(first: 100) { edges { node { participants(first: 100) { edges { node { id } } } } } } } } } }`;

describe('the limit on the amount of data an operation can answer', () => {
  it('answers a community page with its 10 next activities and 5 participants each (refused by the old depth-weighted cost)', async () => {
    const page = `query ($first: Int!) { communities(first: 1) { edges { node { id name activities(first: $first) { edges { node { id title participants(first: 5) { edges { node { id } } } } } } } } } }`;
    const answer = await federation.query<{ communities: { edges: { node: { activities: { edges: unknown[] } } }[] } }>(page, {
      first: 10,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.communities.edges[0].node.activities.edges.length).toBeGreaterThan(0);
  });

  it("answers a 100-member register page with each member's organisation, its name and parent", async () => {
    const register = `{ members(first: 100) { edges { node { id name organization { id name parent { id name } } } } } }`;
    const answer = await federation.query<{ members: { edges: unknown[] } }>(register);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.members.edges.length).toBeGreaterThan(0);
  });

  it('refuses a 100 × 100 × 100 fan-out before any subgraph is asked, naming the estimate, the limit and the largest lists', async () => {
    let answer: Awaited<ReturnType<Federation['query']>> | undefined;
    const statements = await federation.statementsPerService(async () => (answer = await federation.query(fanOut)));
    expect(Object.values(statements).reduce((a, b) => a + b, 0)).toBe(0);
    const error = answer!.errors![0];
    expect(error.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', maximum: 50_000, estimated: expect.any(Number) });
    const estimated = error.extensions!.estimated as number;
    expect(estimated).toBeGreaterThan(1_000_000);
    expect(error.message).toContain(String(estimated));
    expect(error.message).toContain('50000');
    expect(error.message).toMatch(/communities\.edges ×100.*communities\.edges\.node\.activities\.edges ×100/);
  });

  it('reads page sizes from the variables: the same page is answered at 5 and refused at 100 where the estimate passes the limit', async () => {
    const page = `query ($n: Int!) { communities(first: $n) { edges { node { activities(first: $n) { edges { node { participants(first: $n) { edges { node { id } } } } } } } } } }`;
    expect((await federation.query(page, { n: 5 })).errors).toBeUndefined();
    const refused = await federation.query(page, { n: 40 });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', maximum: 50_000 });
    expect(refused.errors![0].extensions!.estimated as number).toBeGreaterThan(50_000);
    // The server keeps answering.
    expect((await federation.query<{ streets: unknown[] }>('{ streets { name } }')).data!.streets.length).toBeGreaterThan(0);
  });
});
