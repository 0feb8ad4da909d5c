import { msg, type Message, type Peers } from '@cpb/kit';
import { codesAndNames, resolveReferences } from '@cpb/kit/spreadsheets';
import type { Policy } from './policy';

/** An organisation a file's 所在党组织 resolved to: what placing members in it needs. */
export interface ImportOrganization {
  id: string;
  name: string;
  status: string;
}

type Resolved = ImportOrganization | { finding: Message };

/**
 * What each 所在党组织 of a file names, asked of organizations before the transaction in one round
 * (the codes through the typed lookup, the names through the service-only `organizationsNamed`, the
 * caller's subtree, side by side): the one active organisation in the caller's subtree bearing that
 * name or code, or the reason it is refused. An organisation outside the subtree is reported as not
 * found, as the graph reports it, so a file cannot probe what lies outside.
 */
export async function resolveOrganizations(
  peers: Peers,
  policy: Policy,
  rows: readonly { organizationRef: string }[],
): Promise<Map<string, Resolved>> {
  const refs = [...new Set(rows.map((r) => r.organizationRef))];
  const { codes, names } = codesAndNames(refs);
  const [byCode, named, managed] = await Promise.all([
    codes.length ? peers.find('Organization', codes) : [],
    names.length
      ? peers.operation<{ organizationsNamed: ImportOrganization[] }>(
          'organizations',
          `query($names: [String!]!) { organizationsNamed(names: $names) { id name status } }`,
          { names },
        )
      : { organizationsNamed: [] },
    policy.managedOrganizations(),
  ]);
  const candidates = new Map<string, ImportOrganization>();
  for (const o of [...byCode, ...named.organizationsNamed])
    if (o && (managed === null || managed.has(o.id))) candidates.set(o.id, { id: o.id, name: o.name, status: o.status });
  const resolved = resolveReferences(refs, [...candidates.values()], {
    unknown: (value) => msg('import.organizationUnknown', { value }),
    ambiguous: (value, count) => msg('import.organizationAmbiguous', { value, count }),
  });
  return new Map(
    [...resolved].map(([ref, r]): [string, Resolved] => {
      if ('finding' in r) return [ref, r];
      return [ref, r.found.status === 'ACTIVE' ? r.found : { finding: msg('import.organizationInactive', { value: ref }) }];
    }),
  );
}
