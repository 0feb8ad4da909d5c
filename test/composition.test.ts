import { readFileSync } from 'node:fs';
import { composeSupergraph } from '../scripts/compose';
import { supergraphPath } from '../scripts/subgraphs';

describe('the supergraph', () => {
  it('composes from the four subgraph schemas', () => {
    expect(composeSupergraph()).toContain('join__Graph');
  });

  it('is committed up to date (run `npm run compose` after changing a schema.graphql)', () => {
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composeSupergraph());
  });
});
