import { msg, type Message, type OrganizationFacts, type Peers } from '@cpb/kit';
import type { Policy } from './policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Resolved = OrganizationFacts | { finding: Message };

/**
 * What each 所在党组织 of a file names, asked of organizations before the transaction (one call for
 * the codes, one for the names): the one active organisation in the caller's subtree bearing that
 * name or code, or the reason it is refused. An organisation outside the subtree is reported as not
 * found, as the graph reports it, so a file cannot probe what lies outside.
 */
export async function resolveOrganizations(
  peers: Peers,
  policy: Policy,
  rows: readonly { organizationRef: string }[],
): Promise<Map<string, Resolved>> {
  const refs = [...new Set(rows.map((r) => r.organizationRef))];
  const codes = refs.filter((r) => UUID.test(r));
  const names = refs.filter((r) => !UUID.test(r));
  const [byCode, named, managed] = await Promise.all([
    codes.length ? peers.find('Organization', codes) : [],
    names.length
      ? peers.operation<{ organizationsNamed: { id: string }[] }>(
          'organizations',
          `query($names: [String!]!) { organizationsNamed(names: $names) { id } }`,
          { names },
        )
      : { organizationsNamed: [] },
    policy.managedOrganizations(),
  ]);
  const inScope = (id: string) => managed === null || managed.has(id);
  // Names become facts (status, scope) through the same typed lookup as codes.
  const namedIds = [...new Set(named.organizationsNamed.map((o) => o.id))].filter(inScope);
  const namedFacts = namedIds.length ? (await peers.find('Organization', namedIds)).filter((o): o is OrganizationFacts => o !== null) : [];
  const resolved = new Map<string, Resolved>();
  const decide = (ref: string, candidates: OrganizationFacts[]): Resolved => {
    if (candidates.length === 0) return { finding: msg('import.organizationUnknown', { value: ref }) };
    if (candidates.length > 1) return { finding: msg('import.organizationAmbiguous', { value: ref, count: candidates.length }) };
    if (candidates[0].status !== 'ACTIVE') return { finding: msg('import.organizationInactive', { value: ref }) };
    return candidates[0];
  };
  codes.forEach((code, i) => {
    const found = byCode[i];
    resolved.set(code, decide(code, found && inScope(found.id) ? [found] : []));
  });
  for (const name of names)
    resolved.set(
      name,
      decide(
        name,
        namedFacts.filter((o) => o.name === name),
      ),
    );
  return resolved;
}
