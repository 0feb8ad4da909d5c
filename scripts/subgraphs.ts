import { join } from 'node:path';

/** The four subgraphs: name, default port, and where their schema-first SDL lives. */
export const subgraphs = [
  { name: 'organizations', port: 4001 },
  { name: 'members', port: 4002 },
  { name: 'resources', port: 4003 },
  { name: 'activities', port: 4004 },
].map((s) => ({ ...s, url: `http://localhost:${s.port}/graphql`, schemaPath: join(__dirname, '..', 'services', s.name, 'schema.graphql') }));

export const supergraphPath = join(__dirname, '..', 'schemas', 'supergraph.graphql');
