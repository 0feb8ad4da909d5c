import { join } from 'node:path';
import { subgraphs as list } from '@cpb/subgraphs';

/** The subgraphs (@cpb/subgraphs) with their development URL and where their schema-first SDL lives. */
export const subgraphs = list.map((s) => ({
  ...s,
  url: `http://localhost:${s.port}/graphql`,
  schemaPath: join(__dirname, '..', 'services', s.name, 'schema.graphql'),
}));

export const supergraphPath = join(__dirname, '..', 'schemas', 'supergraph.graphql');
