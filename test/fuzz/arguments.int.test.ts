import fc from 'fast-check';
import { getNamedType, isLeafType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { mintCallerToken, type GraphQLResponse } from '@cpb/kit';
import { supergraph } from '../argument-slots';
import { startFederation, type Federation } from '@cpb/kit/testing';
import { argumentsFor } from './hostile-values';

/**
 * Every root query and mutation of the composed API, called through the gateway with generated hostile
 * arguments (docs/reliability.md, "Hostile arguments"). The answer is success or a refusal with a
 * stable code; never INTERNAL_SERVER_ERROR, a stack trace or SQL; a refused mutation writes nothing.
 * Replay a failure with FUZZ_SEED (and FUZZ_PATH) as printed; `npm run fuzz` runs long.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 30);
const REFUSALS = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'QUERY_LIMIT_EXCEEDED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
]);
// What a leaked internal error looks like: a stack frame, a source file, a driver or SQL message.
const LEAK =
  /\bat [\w.<>]+ \(|\.[jt]s:\d+|node_modules|QueryFailedError|TypeORM|syntax error at|relation "|violates [\w ]*constraint|duplicate key|invalid input syntax|\bINSERT INTO\b|\bWHERE\b.*=\s*\$\d/i;
// Bodies past the gateway's limit are refused before GraphQL (BAD_REQUEST, tested in request-refusals); keep under it.
const MAX_BODY_BYTES = 90_000;

let federation: Federation;
const headers: Record<string, Record<string, string>> = {};
let knownIds: string[] = [];

interface RootField {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

const rootFields: RootField[] = (['query', 'mutation'] as const).flatMap((kind) => {
  const type = (kind === 'query' ? supergraph.getQueryType() : supergraph.getMutationType()) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((f) => !f.name.startsWith('_'))
    .map((field) => ({ kind, field }));
});

/** The operation calling `field` once, every argument a variable of its declared type. */
function operationOf({ kind, field }: RootField, args: Record<string, unknown>): string {
  const given = field.args.filter((a) => a.name in args);
  const variables = given.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = given.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

/** Rows of every table of every service, counted exactly (query_to_xml runs one count per table in one statement). */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [service, subgraph] of Object.entries(federation.subgraphs)) {
    const rows = (await subgraph.running.database.dataSource.query(
      `SELECT table_name AS name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', table_name), false, true, '')))[1]::text::int AS n
         FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'idempotency_key'`,
    )) as { name: string; n: number }[];
    for (const row of rows) counts[`${service}.${row.name}`] = row.n;
  }
  return counts;
}

/** Up to three ids of every table that has one, in every service: so calls get past "not found" too. */
async function idsInTheDistrict(): Promise<string[]> {
  const ids: string[] = [];
  for (const subgraph of Object.values(federation.subgraphs)) {
    const { dataSource } = subgraph.running.database;
    const tables = (await dataSource.query(
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
    )) as { name: string }[];
    for (const { name } of tables)
      ids.push(...((await dataSource.query(`SELECT id::text AS id FROM "${name}" LIMIT 3`)) as { id: string }[]).map((r) => r.id));
  }
  return ids;
}

beforeAll(async () => {
  federation = await startFederation();
  knownIds = await idsInTheDistrict();
  headers.admin = await federation.asAdmin({ 'accept-language': 'en' });
  headers.member = { authorization: `Bearer ${await mintCallerToken({ role: 'MEMBER', sub: 'fuzz-member', memberId: knownIds[0] })}` };
  headers.secretary = {
    authorization: `Bearer ${await mintCallerToken({ role: 'COMMUNITY_SECRETARY', sub: 'fuzz-secretary', orgId: knownIds[0] })}`,
  };
});
afterAll(() => federation?.stop());

/** What is wrong with an answer, or undefined when it is success or a coded refusal without internals. */
function problemWith(answer: GraphQLResponse<unknown>): string | undefined {
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code as string | undefined;
    if (!code || !REFUSALS.has(code)) return `code ${String(code)}: ${error.message}`;
    const shown = JSON.stringify(error);
    if (LEAK.test(shown) || 'stacktrace' in (error.extensions ?? {}) || 'exception' in (error.extensions ?? {}))
      return `internals shown: ${shown.slice(0, 500)}`;
  }
  return undefined;
}

it(`answers every root field with success or a coded refusal, writing nothing when refused (seed ${SEED})`, async () => {
  // Known ids are read once the district is seeded; the arbitraries are built now so they can use them.
  // By name, so a counterexample prints as the field's name and its arguments.
  const byName = new Map(rootFields.map((r) => [`${r.kind} ${r.field.name}`, r]));
  const withIds = fc
    .constantFrom(...byName.keys())
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        argumentsFor(byName.get(name)!.field.args, { knownIds }),
        fc.constantFrom('admin', 'member', 'secretary'),
      ),
    );
  console.log(`fuzz: seed ${SEED}, up to ${RUNS} calls or ${SECONDS} s over ${rootFields.length} root fields (replay: FUZZ_SEED=${SEED})`);
  let sent = 0;
  const outcomes: Record<string, number> = {};
  // fc.check, not fc.assert: our report stays short (a counterexample may hold 20,000-character strings).
  const run = await fc.check(
    fc.asyncProperty(withIds, async ([name, args, who]) => {
      const root = byName.get(name)!;
      const body = JSON.stringify(args);
      fc.pre(Buffer.byteLength(body) <= MAX_BODY_BYTES);
      const query = operationOf(root, args);
      const before = root.kind === 'mutation' ? await rowCounts() : undefined;
      const answer = await federation.query(query, args, headers[who]);
      sent += 1;
      const outcome = answer.errors?.length ? String(answer.errors[0].extensions?.code) : 'success';
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const problem = problemWith(answer);
      if (problem) throw new Error(`${root.kind} ${root.field.name} as ${who}: ${problem}\nvariables: ${body.slice(0, 2000)}`);
      if (before && answer.errors?.length) expect(await rowCounts()).toEqual(before);
    }),
    {
      seed: SEED,
      path: process.env.FUZZ_PATH,
      numRuns: RUNS,
      interruptAfterTimeLimit: SECONDS * 1000,
      markInterruptAsFailure: false,
      endOnFailure: !process.env.FUZZ_SHRINK,
      maxSkipsPerRun: 1000,
    },
  );
  console.log(`fuzz: ${sent} calls, outcomes ${JSON.stringify(outcomes)}`);
  if (run.failed)
    throw new Error(
      `fuzz failed: replay with FUZZ_SEED=${SEED} FUZZ_PATH=${run.counterexamplePath}\n${String(run.errorInstance).slice(0, 3000)}`,
    );
  expect(sent).toBeGreaterThan(0);
});
