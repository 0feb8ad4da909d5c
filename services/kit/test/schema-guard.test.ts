import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql as execute, parse } from 'graphql';
import { CursorSeal, guardArguments, kitDirectives, toConnection, readPage, type PageArgs } from '../src';

const typeDefs = parse(`
  type Query {
    echo(input: EchoInput!, tag: String, id: ID): String
    page(first: Int = 20, after: String): ItemConnection!
    other(first: Int = 20, after: String): ItemConnection!
  }
  input EchoInput { name: String!, note: String @freeText, items: [ItemInput!] }
  input ItemInput { label: String!, ownerId: ID }
  type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! }
  type ItemEdge { cursor: String! node: String! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
`);
const rows = ['a', 'b', 'c'];
const list = (args: PageArgs) => {
  const page = readPage<[string]>(args);
  const after = page.after ? rows.indexOf(page.after[0]) + 1 : 0;
  return toConnection(rows.slice(after, after + page.limit + 1), page, (r) => [r]);
};
const schema = guardArguments(
  buildSubgraphSchema({
    typeDefs: { ...typeDefs, definitions: [...typeDefs.definitions, ...kitDirectives.definitions] },
    resolvers: {
      Query: {
        echo: (_: unknown, args: unknown) => JSON.stringify(args),
        page: (_: unknown, args: PageArgs) => list(args),
        other: (_: unknown, args: PageArgs) => Promise.resolve(list(args)),
      },
    },
  }),
  new CursorSeal('a-test-secret-of-this-service'),
);
const run = async (source: string, variableValues?: Record<string, unknown>) => {
  const result = await execute({ schema, source, variableValues });
  return {
    data: result.data as Record<string, unknown> | null,
    error: result.errors?.[0] && {
      message: result.errors[0].message,
      field: (result.errors[0].originalError as { field?: string })?.field,
    },
  };
};

describe('guardArguments', () => {
  it('normalises text and ids at any depth, keeps fields left out as left out, and allows lines only in @freeText fields', async () => {
    const echoed = await run('query($i: EchoInput!) { echo(input: $i, id: "0A3B9A8E-1C2D-4E5F-8A9B-0C1D2E3F4A5B") }', {
      i: { name: 'Cafe\u0301', note: 'l1\r\nl2', items: [{ label: 'x' }] },
    });
    expect(JSON.parse(echoed.data!.echo as string)).toEqual({
      input: { name: 'Caf\u00e9', note: 'l1\nl2', items: [{ label: 'x' }] },
      id: '0a3b9a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    });
  });

  it('names the refused field as the services do: no `input.` prefix, list indexes, other arguments by name', async () => {
    expect((await run('{ echo(input: { name: "a\\nb" }) }')).error).toMatchObject({ field: 'name', message: 'name must be on one line' });
    expect((await run('{ echo(input: { name: "ok", items: [{ label: "ok" }, { label: "x", ownerId: "nope" }] }) }')).error).toMatchObject({
      field: 'items[1].ownerId',
    });
    expect((await run('{ echo(input: { name: "ok" }, tag: "\\u202Eevil") }')).error).toMatchObject({ field: 'tag' });
  });

  it('seals cursors per list: its own cursor pages on, a forged or foreign one is refused', async () => {
    const first = await run('{ page(first: 1) { edges { cursor node } pageInfo { endCursor } } }');
    const end = (first.data!.page as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    expect(end).toMatch(/^[\w-]+\.[\w-]{22}$/);
    const next = await run('query($c: String) { page(first: 1, after: $c) { edges { node } } }', { c: end });
    expect(next.data!.page).toEqual({ edges: [{ node: 'b' }] });
    const foreign = await run('query($c: String) { other(first: 1, after: $c) { edges { node } } }', { c: end });
    expect(foreign.error).toEqual({ field: 'after', message: 'after is not a cursor this list returned' });
    const unsealed = Buffer.from('["a"]').toString('base64url');
    expect((await run('query($c: String) { page(after: $c) { edges { node } } }', { c: unsealed })).error).toMatchObject({
      field: 'after',
    });
    const otherKey = new CursorSeal('another-service-secret').seal('Query.page', unsealed);
    expect((await run('query($c: String) { page(after: $c) { edges { node } } }', { c: otherKey })).error).toMatchObject({
      field: 'after',
    });
  });
});
