import { worldId } from '@cpb/demo-world';
import type { GraphQLResponse } from '@cpb/kit';
import { changeRules } from './authorization/change-rules';
import { memberFields } from './authorization/member-fields';
import { probeVariables, readProbe, rowsOf } from './authorization/probes';
import { readRules, type ReadRule } from './authorization/read-rules';
import { loadSupergraph } from './authorization/schema-fields';
import { findTargets } from './authorization/targets';
import { codeOf, headersOf, type PersonaName } from '@cpb/demo-world/testing';
import { type Federation, startFederation } from '@cpb/kit/testing';

/**
 * Deny by default, checked for every field (issue 11), through the gateway on one shared federation:
 * every stated rule (test/authorization/*, each field of the composed schema has one: see
 * authorization-rules.test.ts) is asked about community 0 as the six callers outside its scope and
 * as one inside it. Lists must return only rows in the caller's scope, personal fields only to the
 * member's managers, and every change outside scope is refused with nothing written.
 */
const OUTSIDERS = [
  'anonymous',
  'member',
  'unitLiaison',
  'otherSecretary',
  'otherStreetAdmin',
  'analyst',
] as const satisfies readonly PersonaName[];
const refusalOf = (persona: PersonaName) => (persona === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

let federation: Federation;
let targets: Record<string, unknown>;
const headers = new Map<PersonaName, Record<string, string>>();
const scopes = new Map<PersonaName, Set<string>>();
/** Changes made in community 0 before the reads: street 1's administrator must not see them in any trail. */
const planted: string[] = [];

/** Runs `work` over `items`, a few at a time: quick, without flooding a shared machine. */
async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>, size = 6): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

const ask = (query: string, persona: PersonaName) => federation.query(query, probeVariables(query, targets), headers.get(persona)!);

beforeAll(async () => {
  federation = await startFederation();
  for (const persona of [...OUTSIDERS, 'secretary', 'streetAdmin', 'districtAdmin'] as const)
    headers.set(persona, await headersOf(persona));
  for (const [persona, root] of [
    ['otherSecretary', worldId('org-community', 1)],
    ['otherStreetAdmin', worldId('org-street', 1)],
  ] as const) {
    const subtree = await federation.query<{ organization: { subtreeIds: string[] } }>(
      'query($id: ID!) { organization(id: $id) { subtreeIds } }',
      { id: root },
    );
    scopes.set(persona, new Set(subtree.data!.organization.subtreeIds));
  }
  const found = await findTargets(federation);
  targets = { ...found };
  const change = async (query: string, variables: Record<string, unknown>) => {
    const result = await federation.query(query, variables);
    expect(result.errors).toBeUndefined();
  };
  await change('mutation($id: ID!) { updateMember(id: $id, input: { responsibilityArea: "审计探针" }) { id } }', { id: found.otherMember });
  await change('mutation($id: ID!) { renameOrganization(id: $id, name: "审计探针支部") { id } }', { id: found.otherBranch });
  await change(
    'mutation($id: ID!) { setOpeningHours(resourceId: $id, openingHours: [{ weekday: SUNDAY, opensAt: "09:00", closesAt: "21:00" }]) { id } }',
    { id: found.venue },
  );
  await change('mutation($id: ID!) { changeActivityCapacity(id: $id, capacity: 55) { id } }', { id: found.activity });
  planted.push(found.otherMember, found.otherBranch, found.venue, found.activity);
});
afterAll(() => federation?.stop());

/** What a persona may get from a field of this rule, asked about community 0. */
function allowed(rule: ReadRule, persona: PersonaName): boolean {
  switch (rule.kind) {
    case 'public':
      return true;
    case 'signedIn':
      return persona !== 'anonymous';
    case 'persons':
      return persona !== 'anonymous' && persona !== 'analyst';
    case 'scopedList':
      return persona === 'otherSecretary' || persona === 'otherStreetAdmin';
    case 'trail':
      return persona === 'otherStreetAdmin';
    case 'totals':
      return persona === 'analyst';
    case 'managers':
      return persona === rule.control;
    case 'counts':
      return persona === 'analyst';
  }
}

/** Mismatches between what a rule says and what the gateway answered, as readable lines. */
function judge(coordinate: string, rule: ReadRule, persona: PersonaName, result: GraphQLResponse<unknown>): string[] {
  const code = codeOf(result);
  if (!allowed(rule, persona))
    return code === refusalOf(persona) ? [] : [`${coordinate} as ${persona}: expected ${refusalOf(persona)}, got ${code ?? 'data'}`];
  if (result.errors) return [`${coordinate} as ${persona}: expected data, got ${JSON.stringify(result.errors[0])}`];
  const rows = rowsOf(result.data, coordinate);
  if (rule.kind === 'scopedList') {
    const scope = scopes.get(persona)!;
    const outside = rows.filter((row) => !rule.placedIn(row).some((id) => scope.has(id)));
    return outside.length ? [`${coordinate} as ${persona}: ${outside.length} of ${rows.length} rows outside the caller's subtree`] : [];
  }
  if (rule.kind === 'trail') {
    const leaked = rows.filter((row) => planted.includes(row.targetId as string));
    return leaked.length ? [`${coordinate} as ${persona}: ${leaked.length} entries about street 0`] : [];
  }
  return [];
}

describe('every read rule holds for every role, through the gateway', () => {
  const { api } = loadSupergraph();
  const probes = Object.entries(readRules).map(([coordinate, rule]) => ({ coordinate, rule, query: readProbe(api, coordinate, rule) }));

  it(`asks ${probes.length} fields as the six callers outside community 0's scope: refused, or only their own rows`, async () => {
    const mismatches: string[] = [];
    await inPool(
      probes.flatMap((p) => OUTSIDERS.map((persona) => ({ ...p, persona }))),
      async ({ coordinate, rule, query, persona }) => {
        mismatches.push(...judge(coordinate, rule, persona, await ask(query, persona)));
      },
    );
    expect(mismatches.sort()).toEqual([]);
  });

  it("gives each refused field to the target's own managers (so the refusals are about scope), and lists rows beyond the others' scope", async () => {
    const mismatches: string[] = [];
    await inPool(probes, async ({ coordinate, rule, query }) => {
      const control: PersonaName = rule.kind === 'managers' ? rule.control : 'districtAdmin';
      const result = await ask(query, control);
      if (result.errors) mismatches.push(`${coordinate} as ${control}: ${JSON.stringify(result.errors[0])}`);
      if (
        rule.kind === 'scopedList' &&
        rowsOf(result.data, coordinate).every((row) => rule.placedIn(row).some((id) => scopes.get('otherStreetAdmin')!.has(id)))
      ) {
        mismatches.push(`${coordinate} as ${control}: no row outside street 1, so the scope check proved nothing`);
      }
      if (rule.kind === 'trail' && !rowsOf(result.data, coordinate).some((row) => planted.includes(row.targetId as string)))
        mismatches.push(`${coordinate}: the planted change is missing`);
    });
    expect(mismatches.sort()).toEqual([]);
  });

  it("shows a member's personal fields only to the member's managers, the record only to them, the name to everyone signed in but analysts", async () => {
    const fields = Object.entries(memberFields).map(([coordinate, rule]) => ({ field: coordinate.split('.')[1], rule }));
    const objects = ['organization', 'workUnit', 'residenceCommunity', 'admittedFrom'];
    const select = (names: string[]) =>
      `query($member: ID!) { member(id: $member) { ${names.map((f) => (objects.includes(f) ? `${f} { id }` : f)).join(' ')} } }`;
    const open = select(fields.filter((f) => f.rule !== 'record').map((f) => f.field));
    const mismatches: string[] = [];
    await inPool([...OUTSIDERS, 'secretary' as const], async (persona) => {
      const result = await federation.query<{ member: Record<string, unknown> | null }>(
        open,
        { member: targets.member },
        headers.get(persona)!,
      );
      if (persona === 'anonymous' || persona === 'analyst') {
        if (codeOf(result) !== refusalOf(persona))
          mismatches.push(`Member as ${persona}: expected ${refusalOf(persona)}, got ${codeOf(result) ?? 'data'}`);
        return;
      }
      if (result.errors) return void mismatches.push(`Member as ${persona}: ${JSON.stringify(result.errors[0])}`);
      for (const { field, rule } of fields.filter((f) => f.rule === 'personal')) {
        const shown = result.data!.member![field] !== null;
        if (shown !== (persona === 'secretary')) mismatches.push(`Member.${field} (${rule}) as ${persona}: ${shown ? 'shown' : 'hidden'}`);
      }
    });
    // Record fields are non-null: each is asked alone, so one refusal does not hide another.
    await inPool(
      fields
        .filter((f) => f.rule === 'record')
        .flatMap(({ field }) => [...OUTSIDERS, 'secretary' as const].map((persona) => ({ field, persona }))),
      async ({ field, persona }) => {
        const code = codeOf(await federation.query(select(['name', field]), { member: targets.member }, headers.get(persona)!));
        const expected = persona === 'secretary' ? undefined : refusalOf(persona);
        if (code !== expected)
          mismatches.push(`Member.${field} (record) as ${persona}: expected ${expected ?? 'data'}, got ${code ?? 'data'}`);
      },
    );
    expect(mismatches.sort()).toEqual([]);
  });
});

describe('every change is refused outside scope, for every role, and writes nothing', () => {
  const outboxTotal = async () => {
    let total = 0;
    for (const subgraph of Object.values(federation.subgraphs))
      total += (await subgraph.running.database.dataSource.query('SELECT count(*)::int AS n FROM outbox'))[0].n;
    return total;
  };

  it(`refuses each of the ${Object.keys(changeRules).length} mutations to the six callers outside community 0's scope`, async () => {
    const before = await outboxTotal();
    const mismatches: string[] = [];
    const asks = Object.entries(changeRules).flatMap(([name, rule]) => OUTSIDERS.map((persona) => ({ name, rule, persona })));
    await inPool(asks, async ({ name, rule, persona }) => {
      const { query, variables } = rule.probe(targets as never);
      const code = codeOf(await federation.query(query, variables, headers.get(persona)!));
      if (code !== refusalOf(persona))
        mismatches.push(`${name} as ${persona} (allowed: ${rule.who}): expected ${refusalOf(persona)}, got ${code ?? 'success'}`);
    });
    expect(mismatches.sort()).toEqual([]);
    expect(await outboxTotal()).toBe(before);
  });

  it('lets the in-scope manager past authorisation for each (success, or a refusal about the data, never FORBIDDEN)', async () => {
    const mismatches: string[] = [];
    for (const [name, rule] of Object.entries(changeRules)) {
      const { query, variables } = rule.probe(targets as never);
      const code = codeOf(await federation.query(query, variables, headers.get(rule.control)!));
      if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'INTERNAL_SERVER_ERROR')
        mismatches.push(`${name} as ${rule.control}: ${code}`);
    }
    expect(mismatches).toEqual([]);
  });
});
