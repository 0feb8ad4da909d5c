import { randomUUID } from 'node:crypto';
import { check, ConflictError, msg, NotFoundError, today, translateConstraint, useCase, type Peers, inactiveOrganization } from '@cpb/kit';
import { OrganizationStore } from '../data/organization-store';
import type { Organization, OrganizationKind, OrganizationScope } from '../entities';
import { organizationEvents } from '../events';
import { checkPlacement, childPath, isCommunityRoot, isInSubtree } from './placement';
import type { Services } from './services';

export interface CreateOrganizationInput {
  name: string;
  kind: OrganizationKind;
  scope: OrganizationScope;
  parentId?: string | null;
  streetId?: string | null;
  communityId?: string | null;
  residentUnitId?: string | null;
  establishedOn?: string | null;
}

const onePerCommunity = {
  organization_one_per_community_idx: () => new ConflictError(msg('organization.onePerCommunity')),
  organization_one_committee_per_street_idx: () => new ConflictError(msg('organization.oneCommitteePerStreet')),
};

async function requireLocked(store: OrganizationStore, ids: string[]): Promise<Map<string, Organization>> {
  const found = await store.lock(ids);
  for (const id of ids) if (!found.has(id)) throw new NotFoundError('Organization', id, 'id');
  return found;
}

/** Unlocked, to authorise before the transaction: NOT_FOUND naming `field` for the first missing. */
async function requireFound(services: Services, ids: string[], field = 'id'): Promise<Map<string, Organization>> {
  const found = await services.reads.organizations.find(ids);
  for (const id of ids) if (!found.has(id)) throw new NotFoundError('Organization', id, field);
  return found;
}

export const createOrganization = useCase({
  async authorize(services: Services, { input }: { input: CreateOrganizationInput }) {
    const parentId = input.parentId ? check.uuid('parentId', input.parentId) : null;
    if (parentId) services.policy.within('createOrganization', (await requireFound(services, [parentId], 'parentId')).get(parentId)!);
    else services.policy.root();
    return { input, parentId, policy: services.policy };
  },
  async change({ tx, outbox }, { input, parentId, policy }) {
    const store = new OrganizationStore(tx);
    const parent = parentId ? ((await store.lock([parentId])).get(parentId) ?? null) : null;
    if (parentId && !parent) throw new NotFoundError('Organization', parentId, 'parentId');
    if (parent) policy.within('createOrganization', parent);
    checkPlacement(input.kind, parent);
    if (input.kind === 'WORKING_COMMITTEE' && !input.streetId) throw new ConflictError(msg('organization.committeeNeedsStreet'));
    const id = randomUUID();
    const organization: Organization = {
      id,
      name: check.name('name', input.name, 100),
      kind: input.kind,
      scope: input.scope,
      status: 'ACTIVE',
      parentId,
      path: childPath(parent, id),
      streetId: input.kind === 'WORKING_COMMITTEE' ? (input.streetId ?? null) : null,
      communityId: input.communityId ?? parent?.communityId ?? null,
      residentUnitId: input.residentUnitId ?? null,
      communityRoot: isCommunityRoot(input.scope, parent),
      establishedOn: check.isoDate('establishedOn', input.establishedOn ?? today()),
    };
    await store.insert(organization).catch((error: unknown) => translateConstraint(error, onePerCommunity));
    await outbox.emit(organizationEvents.created(organization));
    return organization;
  },
});

export const renameOrganization = useCase({
  async authorize(services: Services, args: { id: string; name: string }) {
    const id = check.uuid('id', args.id);
    services.policy.within('renameOrganization', (await requireFound(services, [id])).get(id)!);
    return { id, newName: args.name, policy: services.policy };
  },
  async change({ tx, outbox }, { id, newName, policy }) {
    const store = new OrganizationStore(tx);
    const organization = (await requireLocked(store, [id])).get(id)!;
    policy.within('renameOrganization', organization);
    const name = check.name('name', newName, 100);
    if (name === organization.name) return organization;
    await store.rename(id, name);
    await outbox.emit(organizationEvents.renamed(organization, name));
    return { ...organization, name };
  },
});

/** Moves an organisation (and its subtree) under a new parent; never under itself or its own descendant. */
export const moveOrganization = useCase({
  async authorize(services: Services, args: { id: string; parentId: string }) {
    const ids = { id: check.uuid('id', args.id), parentId: check.uuid('parentId', args.parentId) };
    const found = await requireFound(services, [ids.id, ids.parentId]);
    services.policy.within('moveOrganization', found.get(ids.id)!);
    services.policy.within('moveOrganization', found.get(ids.parentId)!);
    return { ...ids, policy: services.policy };
  },
  async change({ tx, outbox }, { id, parentId, policy }) {
    const store = new OrganizationStore(tx);
    const locked = await requireLocked(store, [id, parentId]);
    const organization = locked.get(id)!;
    const parent = locked.get(parentId)!;
    policy.within('moveOrganization', organization);
    policy.within('moveOrganization', parent);
    if (isInSubtree(parent, organization))
      throw new ConflictError(msg('organization.moveUnderItself', { name: organization.name, parent: parent.name }));
    if (organization.status !== 'ACTIVE') throw new ConflictError(inactiveOrganization(organization));
    checkPlacement(organization.kind, parent);
    if (organization.parentId === parent.id) return organization;
    const path = childPath(parent, organization.id);
    const communityRoot = isCommunityRoot(organization.scope, parent);
    await store.move(organization, parent, path, communityRoot).catch((error: unknown) => translateConstraint(error, onePerCommunity));
    await outbox.emit(organizationEvents.moved(organization, parent.id));
    return { ...organization, parentId: parent.id, path, communityRoot };
  },
});

interface MembershipClosure {
  closed: boolean;
  memberCount: number;
}

/** Asks members to close the organisation to members if it holds none (its own transaction, docs/decisions/0010). */
async function closeMembership(peers: Peers, organizationId: string): Promise<MembershipClosure> {
  const data = await peers.operation<{ closeOrganizationMembership: MembershipClosure }>(
    'members',
    'mutation($id: ID!) { closeOrganizationMembership(organizationId: $id) { closed memberCount } }',
    { id: organizationId },
  );
  return data.closeOrganizationMembership;
}

async function requireNoLivingChildren(store: OrganizationStore, organization: Organization): Promise<ConflictError | null> {
  const children = await store.livingChildCount(organization.id);
  return children > 0 ? new ConflictError(msg('organization.hasLivingChildren', { name: organization.name, count: children })) : null;
}

/** Step 1 of a dissolve: the organisation becomes CLOSING, and peers asking "is it active?" hear no. */
const markClosing = useCase({
  async authorize(services: Services, args: { id: string; dissolvedOn?: string | null }) {
    const organizationId = check.uuid('id', args.id);
    const on = check.isoDate('dissolvedOn', args.dissolvedOn ?? today());
    services.policy.within('dissolveOrganization', (await requireFound(services, [organizationId])).get(organizationId)!);
    return { organizationId, on, policy: services.policy };
  },
  async change({ tx }, { organizationId, on, policy }) {
    const store = new OrganizationStore(tx);
    const organization = (await requireLocked(store, [organizationId])).get(organizationId)!;
    policy.within('dissolveOrganization', organization);
    if (organization.status === 'DISSOLVED') throw new ConflictError(msg('organization.alreadyDissolved', { name: organization.name }));
    const refusal = await requireNoLivingChildren(store, organization);
    if (refusal) throw refusal;
    if (organization.status === 'ACTIVE') await store.markClosing(organizationId);
    return { organizationId, on };
  },
});

/**
 * Steps 2 and 3: members closes its gate for the organisation only if it holds nobody (no lock of ours
 * is held meanwhile); then DISSOLVED once members has closed it, back to ACTIVE while it still holds
 * members. The outcome commits first (a revert to ACTIVE included); a refusal is thrown after.
 */
const finishDissolve = useCase({
  // Authorised by step 1, whose result this takes.
  authorize: (_: Services, closing: { organizationId: string; on: string }) => closing,
  gather: async ({ peers }: Services, closing) => ({ ...closing, closure: await closeMembership(peers, closing.organizationId) }),
  async change({ tx, outbox }, { organizationId, on, closure }): Promise<Organization | ConflictError> {
    const store = new OrganizationStore(tx);
    const organization = (await requireLocked(store, [organizationId])).get(organizationId)!;
    if (organization.status === 'DISSOLVED') return new ConflictError(msg('organization.alreadyDissolved', { name: organization.name }));
    if (!closure.closed) {
      if (organization.status === 'CLOSING') await store.reopen(organizationId);
      return new ConflictError(msg('organization.stillHoldsMembers', { name: organization.name, count: closure.memberCount }));
    }
    // Members has closed it for good: it ends DISSOLVED (even if a concurrent attempt reverted it meanwhile).
    const refusal = await requireNoLivingChildren(store, organization);
    if (refusal) return refusal;
    await store.dissolve(organizationId, on);
    await outbox.emit(organizationEvents.dissolved(organization, on));
    return { ...organization, status: 'DISSOLVED' };
  },
});

/**
 * Dissolves an organisation that holds no members and has no living sub-organisations. The members
 * are the members service's, so it takes two use cases that hold under concurrency (docs/decisions/0010):
 * `markClosing`, then `finishDissolve` (which asks members to close its gate, then dissolves or reverts).
 * If the second is interrupted the organisation stays CLOSING; asking again resumes there.
 */
export async function dissolveOrganization(services: Services, args: { id: string; dissolvedOn?: string | null }): Promise<Organization> {
  const outcome = await finishDissolve(services, await markClosing(services, args));
  if (outcome instanceof ConflictError) throw outcome;
  return outcome;
}
