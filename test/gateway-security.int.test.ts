import { graphql, INTERNAL_IDENTITY_HEADER, mintCallerToken, serviceActor, signInternal } from '@cpb/kit';
import { type Federation, startFederation } from '@cpb/kit/testing';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the gateway is the only way in', () => {
  it('refuses a direct call to a subgraph without the gateway signature (401 UNAUTHENTICATED, no data)', async () => {
    const url = federation.subgraphs.members.url;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ members(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("refuses a signature made with another subgraph's secret or for another audience", async () => {
    const forged = await signInternal(serviceActor('intruder'), 'dev-only-organizations-secret-change-me', 'members');
    const result = await graphql(federation.subgraphs.members.url, '{ members(first: 1) { totalCount } }', undefined, {
      [INTERNAL_IDENTITY_HEADER]: forged,
    });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged, an expired and a role-less caller token, and accepts a valid one', async () => {
    const query = '{ streets { name } }';
    const forged = await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'mallory' }, { secret: 'not-the-gateway-secret-at-all' });
    const expired = await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'old' }, { expiresIn: '-1m' });
    for (const token of [forged, expired, 'not.a.jwt']) {
      const response = await fetch(federation.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const valid = await federation.query<{ streets: unknown[] }>(
      query,
      undefined,
      bearer(await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'ok' })),
    );
    expect(valid.data!.streets.length).toBe(2);
  });

  it('refuses over-deep, over-aliased and over-costly queries before asking any subgraph, and keeps serving', async () => {
    const deep =
      '{ streets { communities { partyOrganization { children { children { children { children { children { children { children { name } } } } } } } } } } }';
    const tooDeep = await federation.query(deep);
    expect(tooDeep.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth' });
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: streets { name }`).join(' ')} }`;
    expect((await federation.query(aliases)).errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases' });
    const costly = `{ communities(first: 100) { edges { node { residentUnits { partyOrganization { children { children { name } } } } partyOrganization { children { children { children { name } } } } } } } }`;
    expect((await federation.query(costly)).errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
    expect((await federation.query<{ streets: unknown[] }>('{ streets { name } }')).data!.streets).toHaveLength(2);
  });
});
