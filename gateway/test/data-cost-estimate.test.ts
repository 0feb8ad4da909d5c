/**
 * The amount-of-data estimate on the committed supergraph: every operation the product ships (the
 * trusted documents: dashboard, README and benchmark operations) fits the default limit even with every
 * page at its largest, and fan-outs do not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { gatewayEnvSchema } from '../src/config';
import { estimateCost } from '../src/data-cost/estimate';
import { listSizesOf } from '../src/data-cost/list-sizes';

const root = join(__dirname, '..', '..');
const sdl = readFileSync(join(root, 'schemas', 'supergraph.graphql'), 'utf8');
const schema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const sizes = listSizesOf(sdl);
const maximum = gatewayEnvSchema.parse({}).MAX_COST;

function estimate(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return estimateCost(schema, operation, fragments, variables, sizes);
}

describe('the amount-of-data estimate', () => {
  it('defaults to 50,000 objects', () => expect(maximum).toBe(50_000));

  const manifest = JSON.parse(readFileSync(join(root, 'schemas', 'trusted-documents.json'), 'utf8')) as {
    operations: { name: string; body: string }[];
  };
  it.each(manifest.operations.map((o) => [o.name, o.body]))(
    'lets %s through with every Int variable at the largest page (100)',
    (_name, body) => {
      const operation = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const largest = Object.fromEntries(
        (operation.variableDefinitions ?? []).filter((v) => /"Int"/.test(JSON.stringify(v.type))).map((v) => [v.variable.name.value, 100]),
      );
      expect(estimate(body, largest).cost).toBeLessThanOrEqual(maximum);
    },
  );

  it('counts a connection by its page size times what is selected under it', () => {
    // 1 connection + 7 edges + 7 nodes + 7 organisations.
    expect(estimate('{ communities(first: 7) { edges { node { partyOrganization { id } } } } }').cost).toBe(22);
    // The argument's default (20) when `first` is left out; a variable's value when given.
    expect(estimate('{ communities { edges { node { id } } } }').cost).toBe(41);
    expect(estimate('query ($n: Int) { communities(first: $n) { edges { node { id } } } }', { n: 3 }).cost).toBe(7);
    expect(estimate('query ($n: Int = 4) { communities(first: $n) { edges { node { id } } } }').cost).toBe(9);
  });

  it('uses the @listSize declared in a subgraph for a plain list', () => {
    expect(sizes.get('Query.streets')).toEqual({ assumedSize: 20, slicingArguments: undefined, sizedFields: undefined });
    expect(estimate('{ streets { id } }').cost).toBe(20);
  });

  it('puts a 100 × 100 × 100 fan-out far over the limit and names its largest lists first', () => {
    const fanOut = estimate(
      '{ communities(first: 100) { edges { node { activities(first: 100) { edges { node { participants(first: 100) { edges { node { id } } } } } } } } } }',
    );
    expect(fanOut.cost).toBeGreaterThan(2_000_000);
    expect(fanOut.lists[0]).toMatchObject({ path: 'communities.edges', size: 100 });
    expect(fanOut.lists[1]).toMatchObject({ path: 'communities.edges.node.activities.edges', size: 100 });
  });
});
