/**
 * The dashboard workload: each operation is a `.graphql` file in schemas/operations/benchmark/ (registered
 * operations, which `npm run schema:check` keeps valid) plus a generator of
 * variables drawn from the seeded district (the same ids the seed wrote, via worldId). To add an
 * operation, add its file and an entry in `generators`; an operation without one is refused, so a
 * file is never run with made-up variables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { worldId, worldShape, type WorldShape } from '@cpb/demo-world';
import { Random } from './random';

export type Variables = Record<string, unknown>;
/** Draws one set of variables; `r` is a uniform random number generator in [0, 1). */
export type VariableGenerator = (shape: WorldShape, r: () => number, today: Date) => Variables;

export interface Operation {
  /** The file name without `.graphql`, e.g. `community-overview`. */
  name: string;
  /** The GraphQL operation name inside the file. */
  operationName: string;
  query: string;
  variables: VariableGenerator;
}

const below = (n: number, r: () => number) => Math.floor(r() * n) % n;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const daysBefore = (today: Date, days: number) => new Date(today.getTime() - days * 86_400_000);
/** Branches per community in the demo world (services/demo-world world.ts). */
const BRANCHES_PER_COMMUNITY = 3;

/** A year-long window ending on one of the last few weeks, so stats queries vary but stay a year. */
function yearWindow(today: Date, r: () => number): { from: string; to: string } {
  const end = daysBefore(today, below(8, r) * 7);
  return { from: isoDate(daysBefore(end, 365)), to: isoDate(end) };
}

export const generators: Record<string, VariableGenerator> = {
  'community-overview': (shape, r) => ({ id: worldId('community', below(shape.communities, r)) }),
  // Mostly a community's organisation (a handful of children); one in five a street's working committee (hundreds).
  'organization-subtree': (shape, r) =>
    r() < 0.8 ? { id: worldId('org-community', below(shape.communities, r)) } : { id: worldId('org-street', below(shape.streets, r)) },
  // The register filtered the way dashboards filter it: by branch, by community of residence, or unfiltered.
  'member-list': (shape, r) => {
    const pick = r();
    if (pick < 0.5) return { filter: { organizationId: worldId('org-branch', below(shape.communities * BRANCHES_PER_COMMUNITY, r)) } };
    if (pick < 0.9) return { filter: { communityId: worldId('community', below(shape.communities, r)) } };
    return { filter: null };
  },
  'volunteer-stats': (shape, r, today) => ({ id: worldId('community', below(shape.communities, r)), ...yearWindow(today, r) }),
  // A street's working committee (its whole subtree) over a year of organisational life.
  'street-life-ranking': (shape, r, today) => ({ id: worldId('org-street', below(shape.streets, r)), ...yearWindow(today, r) }),
  // Two resources per resident unit (demo-world resources()); a quarter or a year of bookings.
  'resource-utilization': (shape, r, today) => {
    const resources = shape.communities * shape.unitsPerCommunity * 2;
    const window = r() < 0.5 ? yearWindow(today, r) : { from: isoDate(daysBefore(today, 90)), to: isoDate(today) };
    return { id: worldId('resource', below(resources, r)), ...window };
  },
};

/** The benchmark's operations, registered beside the dashboards' (schemas/operations/). */
export const benchmarkOperationsDir = join(__dirname, '..', '..', 'schemas', 'operations', 'benchmark');

/** Every operation file in that folder, with its generator. */
export function loadOperations(folder = benchmarkOperationsDir): Operation[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.graphql$/, '');
      const query = readFileSync(join(folder, file), 'utf8');
      const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
      if (!operationName) throw new Error(`${file}: name the operation (query Name(...) { ... })`);
      const variables = generators[name];
      if (!variables) throw new Error(`${file}: add a variable generator for "${name}" in scripts/bench/operations.ts`);
      return { name, operationName, query, variables };
    });
}

/** One GraphQL request body as sent over HTTP. */
export interface RequestBody {
  query: string;
  operationName: string;
  variables: Variables;
}

/** A pool of `size` request bodies per operation, drawn once per run so every target sees the same ones. */
export function variablePools(operations: Operation[], scale: number, size: number, seed = 8): Map<string, RequestBody[]> {
  const shape = worldShape(scale);
  const today = new Date();
  const r = new Random(seed).next;
  return new Map(
    operations.map((op) => [
      op.name,
      Array.from({ length: size }, () => ({ query: op.query, operationName: op.operationName, variables: op.variables(shape, r, today) })),
    ]),
  );
}
