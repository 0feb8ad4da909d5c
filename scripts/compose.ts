/**
 * Composes the four subgraph SDL files into schemas/supergraph.graphql (Federation 2).
 * `--check` regenerates in memory and fails when composition fails or the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { loadTypeDefs } from '@cpb/kit';
import { subgraphs, supergraphPath } from './subgraphs';

export function composeSupergraph(): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: loadTypeDefs(s.schemaPath) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

function main(): void {
  const check = process.argv.includes('--check');
  const sdl = composeSupergraph();
  if (check) {
    const committed = readFileSync(supergraphPath, 'utf8');
    if (committed !== sdl) {
      console.error('schemas/supergraph.graphql is stale: run `npm run compose` and commit the result.');
      process.exit(1);
    }
    console.log('supergraph is up to date');
    return;
  }
  writeFileSync(supergraphPath, sdl);
  console.log(`wrote ${supergraphPath}`);
}

if (require.main === module) main();
