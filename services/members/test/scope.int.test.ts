import { mintCallerToken } from '@cpb/kit';
import { worldId } from '@cpb/demo-world';
import { codeOf, headersOf, personas } from '@cpb/demo-world/testing';
import { type Federation, startFederation } from '@cpb/kit/testing';

/**
 * Issue 11, items 3 to 5: the applicant and transfer lists stay inside the caller's subtree (as
 * `applicant(id)` and `transfer(id)` always did), and a member never decides their own transfer.
 */
let federation: Federation;
const subtrees = new Map<string, Set<string>>();

async function subtreeOf(organizationId: string): Promise<Set<string>> {
  if (!subtrees.has(organizationId)) {
    const result = await federation.query<{ organization: { subtreeIds: string[] } }>(
      'query($id: ID!) { organization(id: $id) { subtreeIds } }',
      { id: organizationId },
    );
    subtrees.set(organizationId, new Set(result.data!.organization.subtreeIds));
  }
  return subtrees.get(organizationId)!;
}

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.stop());

type ApplicantPage = {
  applicants: {
    totalCount: number;
    edges: { node: { id: string; phone: string | null; idNumber: string; organization: { id: string } } }[];
  };
};
const applicants =
  'query($f: ApplicantFilter) { applicants(first: 100, filter: $f) { totalCount edges { node { id phone idNumber organization { id } } } } }';

describe('applicants(...) lists only applicants the caller manages', () => {
  it.each([
    ['secretary', worldId('org-community', 0), worldId('org-community', 1)],
    ['streetAdmin', worldId('org-street', 0), worldId('org-community', 1)],
    ['otherSecretary', worldId('org-community', 1), worldId('org-community', 0)],
  ] as const)(
    'as %s: every row lies in their subtree, and a filter on a foreign organisation finds nothing',
    async (persona, root, foreign) => {
      const scope = await subtreeOf(root);
      const all = await federation.query<ApplicantPage>(applicants, { f: { includeAdmitted: true } }, await headersOf(persona));
      expect(all.errors).toBeUndefined();
      expect(all.data!.applicants.edges.length).toBeGreaterThan(0);
      for (const { node } of all.data!.applicants.edges) expect(scope.has(node.organization.id)).toBe(true);
      const district = await federation.query<ApplicantPage>(applicants, { f: { includeAdmitted: true } });
      expect(district.data!.applicants.totalCount).toBe(district.data!.applicants.edges.length);
      const inScope = district.data!.applicants.edges.filter(({ node }) => scope.has(node.organization.id)).length;
      expect([all.data!.applicants.totalCount, inScope]).toEqual([inScope, expect.any(Number)]);
      expect(inScope).toBeLessThan(district.data!.applicants.totalCount);
      const filtered = await federation.query<ApplicantPage>(
        applicants,
        { f: { organizationId: foreign, includeAdmitted: true } },
        await headersOf(persona),
      );
      expect(filtered.data!.applicants).toEqual({ totalCount: 0, edges: [] });
    },
  );

  it.each(['anonymous', 'member', 'unitLiaison', 'analyst'] as const)('refuses %s', async (persona) => {
    expect(codeOf(await federation.query(applicants, {}, await headersOf(persona)))).toBe(
      persona === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    );
  });
});

type TransferPage = {
  transfers: {
    totalCount: number;
    edges: { node: { id: string; reason: string; fromOrganization: { id: string }; toOrganization: { id: string } } }[];
  };
};
const transfers =
  'query($f: TransferFilter) { transfers(first: 100, filter: $f) { totalCount edges { node { id reason fromOrganization { id } toOrganization { id } } } } }';

describe("transfers(...) lists only transfers into or out of the caller's subtree", () => {
  it.each([
    ['secretary', worldId('org-community', 0), worldId('org-community', 2)],
    ['streetAdmin', worldId('org-street', 0), worldId('org-community', 1)],
    ['otherSecretary', worldId('org-community', 1), worldId('org-community', 4)],
  ] as const)('as %s', async (persona, root, foreign) => {
    const scope = await subtreeOf(root);
    const all = await federation.query<TransferPage>(transfers, {}, await headersOf(persona));
    expect(all.errors).toBeUndefined();
    const district = await federation.query<TransferPage>(transfers, {});
    expect(district.data!.transfers.totalCount).toBe(district.data!.transfers.edges.length);
    const touching = ({ node }: TransferPage['transfers']['edges'][number]) =>
      scope.has(node.fromOrganization.id) || scope.has(node.toOrganization.id);
    expect(all.data!.transfers.totalCount).toBe(district.data!.transfers.edges.filter(touching).length);
    for (const { node } of all.data!.transfers.edges)
      expect(scope.has(node.fromOrganization.id) || scope.has(node.toOrganization.id)).toBe(true);
    const foreignSubtree = await subtreeOf(foreign);
    const filtered = await federation.query<TransferPage>(
      transfers,
      { f: { organizationId: [...foreignSubtree][0] } },
      await headersOf(persona),
    );
    for (const { node } of filtered.data!.transfers.edges)
      expect(scope.has(node.fromOrganization.id) || scope.has(node.toOrganization.id)).toBe(true);
  });

  it.each(['anonymous', 'member', 'unitLiaison', 'analyst'] as const)('refuses %s', async (persona) => {
    expect(codeOf(await federation.query(transfers, {}, await headersOf(persona)))).toBe(
      persona === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    );
  });
});

describe('a member asks for a transfer but never decides it', () => {
  const step = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status } }`;

  it('the sending organisation approves, the receiving one completes; the member is refused both', async () => {
    const memberId = personas.member.memberId!;
    type Node = { id: string; community: { id: string } | null };
    const holder = await federation.query<{ member: { organization: Node & { ancestors: Node[] } } }>(
      'query($id: ID!) { member(id: $id) { organization { id community { id } ancestors { id community { id } } } } }',
      { id: memberId },
    );
    // The member's community organisation (the first with a community from the top) sends; another community's receives.
    const { ancestors, ...own } = holder.data!.member.organization;
    const sending = [...ancestors, own].find((o) => o.community)!.id;
    const receiving = sending === worldId('org-community', 1) ? worldId('org-community', 2) : worldId('org-community', 1);
    const secretaryOf = async (orgId: string) => ({
      authorization: `Bearer ${await mintCallerToken({ role: 'COMMUNITY_SECRETARY', sub: `secretary-of-${orgId}`, orgId })}`,
    });
    const member = await headersOf('member');
    const requested = await federation.query<{ requestTransfer: { id: string } }>(
      'mutation($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "迁居到其他社区") { id } }',
      { m: memberId, to: receiving },
      member,
    );
    expect(requested.errors).toBeUndefined();
    const id = requested.data!.requestTransfer.id;

    expect(codeOf(await federation.query(step('approveTransfer'), { id }, member))).toBe('FORBIDDEN');
    expect(codeOf(await federation.query(step('rejectTransfer'), { id }, member))).toBe('FORBIDDEN');
    expect(codeOf(await federation.query(step('approveTransfer'), { id }, await secretaryOf(receiving)))).toBe('FORBIDDEN');
    expect((await federation.query(step('approveTransfer'), { id }, await secretaryOf(sending))).errors).toBeUndefined();

    expect(codeOf(await federation.query(step('completeTransfer'), { id }, member))).toBe('FORBIDDEN');
    expect(codeOf(await federation.query(step('completeTransfer'), { id }, await secretaryOf(sending)))).toBe('FORBIDDEN');
    const completed = await federation.query<{ completeTransfer: { status: string } }>(
      step('completeTransfer'),
      { id },
      await secretaryOf(receiving),
    );
    expect(completed.data?.completeTransfer.status).toBe('COMPLETED');

    const trail = await federation.query<{ membersAuditTrail: { edges: { node: { actorSub: string; action: string } }[] } }>(
      'query($id: ID!) { membersAuditTrail(targetId: $id, first: 10) { edges { node { actorSub action } } } }',
      { id: memberId },
    );
    const actors = Object.fromEntries(trail.data!.membersAuditTrail.edges.map((e) => [e.node.action, e.node.actorSub]));
    expect(actors).toMatchObject({
      'member.transfer-requested': 'member',
      'member.transfer-approved': `secretary-of-${sending}`,
      'member.transferred': `secretary-of-${receiving}`,
    });
  });
});
