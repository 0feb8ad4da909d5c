import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Registered operations (schemas/operations/): `npm run schema:check` keeps them valid against the supergraph. */
const operation = (path: string) => readFileSync(join(__dirname, '..', '..', 'schemas', 'operations', path), 'utf8');

/** The cross-subgraph query the README shows: one community across all four subgraphs (also benchmarked). */
export const communityOverviewQuery = operation('benchmark/community-overview.graphql');

export const firstCommunityQuery = operation('readme/first-community.graphql');
