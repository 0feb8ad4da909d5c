import { startFederation, type Federation } from '@cpb/kit/testing';

/** The seeded demo district as tests reach it through the graph: its streets, communities, branches, residents. */

export interface SeededCommunity {
  id: string;
  partyOrganization: { id: string; children: { id: string; name: string; kind: string; scope: string }[] };
  residentUnits: { id: string; name: string }[];
}

export interface Seeded {
  streetCommittee: { id: string };
  communities: SeededCommunity[];
}

/** The first seeded street's committee, every community, their organisations (with the migrant branch) and units. */
export async function seeded(federation: Federation): Promise<Seeded> {
  const result = await federation.query<{ streets: { workingCommittee: { id: string }; communities: SeededCommunity[] }[] }>(
    '{ streets { workingCommittee { id } communities { id partyOrganization { id children { id name kind scope } } residentUnits { id name } } } }',
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const streets = result.data!.streets;
  return { streetCommittee: streets[0].workingCommittee, communities: streets.flatMap((s) => s.communities) };
}

/** A branch of a community organisation: the n-th COMMUNITY-scope branch, or its migrant branch. */
export function branchOf(community: SeededCommunity, which: number | 'MIGRANT'): { id: string; name: string } {
  const children = community.partyOrganization.children.filter((c) => c.kind === 'BRANCH');
  const found =
    which === 'MIGRANT'
      ? children.find((c) => c.scope === 'MIGRANT')
      : children.filter((c) => c.scope === 'COMMUNITY').sort((a, b) => a.name.localeCompare(b.name))[which];
  if (!found) throw new Error(`no branch ${which}`);
  return found;
}

export interface CommunityFixture {
  id: string;
  name: string;
  partyOrganization: { id: string };
  residentUnits: { id: string; name: string; partyOrganization: { id: string } | null }[];
}

export async function firstCommunity(federation: Federation): Promise<CommunityFixture> {
  const result = await federation.query<{ communities: { edges: { node: CommunityFixture }[] } }>(
    '{ communities(first: 1) { edges { node { id name partyOrganization { id } residentUnits { id name partyOrganization { id } } } } } }',
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.communities.edges[0].node;
}

/** Ids of members living in the community (for liaisons). */
export async function membersOf(federation: Federation, communityId: string, count: number): Promise<string[]> {
  const result = await federation.query<{ members: { edges: { node: { id: string } }[] } }>(
    'query($c: ID!, $n: Int) { members(filter: { communityId: $c }, first: $n) { edges { node { id } } } }',
    { c: communityId, n: count },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.members.edges.map((e) => e.node.id);
}

/** Where the activity tests act: a community of the demo district, its organisation, units and residents. */
export interface Neighbourhood {
  communityId: string;
  organizationId: string;
  unitIds: string[];
  memberIds: string[];
}

/** The four services on fresh seeded databases behind the gateway, and the neighbourhood the tests act in. */
export async function startNeighbourhood(): Promise<{ federation: Federation; place: Neighbourhood }> {
  const federation = await startFederation();
  return { federation, place: await loadNeighbourhood(federation) };
}

export async function loadNeighbourhood(federation: Federation): Promise<Neighbourhood> {
  const result = await federation.query<{
    communities: { edges: { node: { id: string; partyOrganization: { id: string }; residentUnits: { id: string }[] } }[] };
    members: { edges: { node: { id: string } }[] };
  }>(
    '{ communities(first: 1) { edges { node { id partyOrganization { id } residentUnits { id } } } } members(first: 100) { edges { node { id } } } }',
  );
  const community = result.data!.communities.edges[0].node;
  return {
    communityId: community.id,
    organizationId: community.partyOrganization.id,
    unitIds: community.residentUnits.map((u) => u.id),
    memberIds: result.data!.members.edges.map((e) => e.node.id),
  };
}
