/**
 * Composes the four subgraph SDL files into schemas/supergraph.graphql (Federation 2).
 * `--check` regenerates in memory and fails when composition fails or the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { join } from 'node:path';
import { typeDefsOf } from '@cpb/kit';
import { subgraphs, supergraphPath } from './subgraphs';

/** Composes the subgraphs' schema.graphql files; `sdlOf` can replace one's text (tests of a changed schema). */
export function composeSupergraph(sdlOf: (name: string, sdl: string) => string = (_name, sdl) => sdl): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: typeDefsOf(sdlOf(s.name, readFileSync(s.schemaPath, 'utf8'))) })),
  );
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
  // The gateway's ConfigMap in Kubernetes serves the same file (infra/k8s/base, checked by test/k8s-manifests.test.ts).
  writeFileSync(join(__dirname, '..', 'infra', 'k8s', 'base', 'supergraph.graphql'), sdl);
  console.log(`wrote ${supergraphPath} and its copy in infra/k8s/base/`);
}

if (require.main === module) main();
