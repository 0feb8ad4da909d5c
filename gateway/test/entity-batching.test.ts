/**
 * Merging sibling entity fetches into one subgraph operation and splitting its answer back
 * (gateway/src/entity-batching/merge.ts): variables and fragments renamed apart, each part's answer
 * and errors under its own `_entities`, errors of no part reported once.
 */
import { parse, print } from 'graphql';
import { isEntityFetch, mergeEntityFetches, splitMergedResult } from '../src/entity-batching/merge';

const members = {
  query: 'query Tree__members__1($representations:[_Any!]!){_entities(representations:$representations){...on Organization{memberCount}}}',
  operationName: 'Tree__members__1',
  variables: { representations: [{ __typename: 'Organization', id: 'a' }] },
};
const withArguments = {
  query:
    'query Tree__members__2($representations:[_Any!]!$year:Int!){_entities(representations:$representations){...on Organization{...Dues}}} fragment Dues on Organization{duesSummary(year:$year,month:1){paid}}',
  operationName: 'Tree__members__2',
  variables: { representations: [{ __typename: 'Organization', id: 'b' }], year: 2026 },
};

describe('entity fetches merged into one operation', () => {
  it('only queries whose one root field is _entities are merged', () => {
    expect(isEntityFetch(members)).toBe(true);
    expect(isEntityFetch({ query: '{ organization(id: "a") { name } }' })).toBe(false);
    expect(isEntityFetch({ query: 'mutation($representations:[_Any!]!){_entities(representations:$representations){__typename}}' })).toBe(
      false,
    );
    expect(isEntityFetch({ query: 'query($r:[_Any!]!){_entities(representations:$r){__typename} __typename}' })).toBe(false);
  });

  it('each part under its own alias, its variables and fragments prefixed, named like the first', () => {
    const merged = mergeEntityFetches([members, withArguments]);
    expect(merged.operationName).toBe('Tree__members__1');
    expect(merged.variables).toEqual({
      p0_representations: members.variables.representations,
      p1_representations: withArguments.variables.representations,
      p1_year: 2026,
    });
    expect(print(parse(merged.query))).toBe(
      print(
        parse(`query Tree__members__1($p0_representations: [_Any!]!, $p1_representations: [_Any!]!, $p1_year: Int!) {
          _e0: _entities(representations: $p0_representations) { ... on Organization { memberCount } }
          _e1: _entities(representations: $p1_representations) { ... on Organization { ...p1_Dues } }
        }
        fragment p1_Dues on Organization { duesSummary(year: $p1_year, month: 1) { paid } }`),
      ),
    );
  });

  it('the answer split back: each part its entities and errors (paths as it asked them), errors of no part once', () => {
    const parts = splitMergedResult(
      {
        data: { _e0: [{ memberCount: 3 }], _e1: [null] },
        errors: [
          { message: 'refused', path: ['_e1', 0, 'duesSummary'] },
          { message: 'slow', extensions: { code: 'UNAVAILABLE' } },
        ],
        extensions: { note: 1 },
      },
      2,
    );
    expect(parts).toEqual([
      {
        data: { _entities: [{ memberCount: 3 }] },
        errors: [{ message: 'slow', extensions: { code: 'UNAVAILABLE' } }],
        extensions: { note: 1 },
      },
      { data: { _entities: [null] }, errors: [{ message: 'refused', path: ['_entities', 0, 'duesSummary'] }] },
    ]);
    expect(splitMergedResult({ data: null, errors: [{ message: 'no identity' }] }, 2)).toEqual([
      { data: null, errors: [{ message: 'no identity' }] },
      { data: null },
    ]);
  });
});
