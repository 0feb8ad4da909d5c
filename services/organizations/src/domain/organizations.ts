import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, requireRole, todayIso, translateConstraint, type Peers, type Transact, type UnitOfWork } from '@cpb/kit';
import { authorizeWithin } from './authorization';
import { OrganizationStore } from '../data/organization-store';
import type { Organization, OrganizationKind, OrganizationScope } from '../entities';
import { organizationEvents } from '../events';
import { checkPlacement, childPath, inactive, isCommunityRoot, isInSubtree } from './placement';

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

/** What a change that asks another service works with: peers first, then its own transactions. */
interface Changes {
  transact: Transact;
  peers: Peers;
}

const onePerCommunity = {
  organization_one_per_community_idx: () => new ConflictError('This community already has an active Party organisation (一社区一组织)'),
  organization_one_committee_per_street_idx: () => new ConflictError('This street already has an active working committee'),
};

async function requireLocked(store: OrganizationStore, ids: string[]): Promise<Map<string, Organization>> {
  const found = await store.lock(ids);
  for (const id of ids) if (!found.has(id)) throw new NotFoundError('Organization', id, 'id');
  return found;
}

export async function createOrganization({ tx, outbox, actor }: UnitOfWork, input: CreateOrganizationInput): Promise<Organization> {
  const store = new OrganizationStore(tx);
  const parentId = input.parentId ? check.uuid('parentId', input.parentId) : null;
  const parent = parentId ? (await store.lock([parentId])).get(parentId) ?? null : null;
  if (parentId && !parent) throw new NotFoundError('Organization', parentId, 'parentId');
  if (parent) authorizeWithin(actor, parent);
  else requireRole(actor, 'DISTRICT_ADMIN');
  checkPlacement(input.kind, parent);
  if (input.kind === 'WORKING_COMMITTEE' && !input.streetId) throw new ConflictError('A working committee belongs to a street: give streetId');
  const id = randomUUID();
  const organization: Organization = {
    id,
    name: check.name('name', input.name, 100),
    kind: input.kind,
    scope: input.scope,
    status: 'ACTIVE',
    parentId,
    path: childPath(parent, id),
    streetId: input.kind === 'WORKING_COMMITTEE' ? input.streetId ?? null : null,
    communityId: input.communityId ?? parent?.communityId ?? null,
    residentUnitId: input.residentUnitId ?? null,
    communityRoot: isCommunityRoot(input.scope, parent),
    establishedOn: check.isoDate('establishedOn', input.establishedOn ?? todayIso()),
  };
  await store.insert(organization).catch((error: unknown) => translateConstraint(error, onePerCommunity));
  await outbox.emit(organizationEvents.created(organization));
  return organization;
}

export async function renameOrganization({ tx, outbox, actor }: UnitOfWork, id: string, newName: string): Promise<Organization> {
  const store = new OrganizationStore(tx);
  const organization = (await requireLocked(store, [check.uuid('id', id)])).get(id)!;
  authorizeWithin(actor, organization);
  const name = check.name('name', newName, 100);
  if (name === organization.name) return organization;
  await store.rename(id, name);
  await outbox.emit(organizationEvents.renamed(organization, name));
  return { ...organization, name };
}

/** Moves an organisation (and its subtree) under a new parent; never under itself or its own descendant. */
export async function moveOrganization({ tx, outbox, actor }: UnitOfWork, id: string, parentId: string): Promise<Organization> {
  const store = new OrganizationStore(tx);
  const locked = await requireLocked(store, [check.uuid('id', id), check.uuid('parentId', parentId)]);
  const organization = locked.get(id)!;
  const parent = locked.get(parentId)!;
  authorizeWithin(actor, organization);
  authorizeWithin(actor, parent);
  if (isInSubtree(parent, organization)) throw new ConflictError(`${organization.name} cannot move under itself or its own descendant ${parent.name}`);
  if (organization.status !== 'ACTIVE') throw new ConflictError(inactive(organization));
  checkPlacement(organization.kind, parent);
  if (organization.parentId === parent.id) return organization;
  const path = childPath(parent, organization.id);
  const communityRoot = isCommunityRoot(organization.scope, parent);
  await store.move(organization, parent, path, communityRoot).catch((error: unknown) => translateConstraint(error, onePerCommunity));
  await outbox.emit(organizationEvents.moved(organization, parent.id));
  return { ...organization, parentId: parent.id, path, communityRoot };
}

interface MembershipClosure {
  closed: boolean;
  memberCount: number;
}

/** Asks members to close the organisation to members if it holds none (its own transaction, docs/decisions/0010). */
async function closeMembership(peers: Peers, organizationId: string): Promise<MembershipClosure> {
  const data = await peers.members.request<{ closeOrganizationMembership: MembershipClosure }>(
    'mutation($id: ID!) { closeOrganizationMembership(organizationId: $id) { closed memberCount } }',
    { id: organizationId },
  );
  return data.closeOrganizationMembership;
}

async function requireNoLivingChildren(store: OrganizationStore, organization: Organization): Promise<ConflictError | null> {
  const children = await store.livingChildCount(organization.id);
  return children > 0 ? new ConflictError(`${organization.name} still has ${children} active sub-organisation(s): move or dissolve them first`) : null;
}

/**
 * Dissolves an organisation that holds no members and has no living sub-organisations. The members
 * are the members service's, so it takes two steps that hold under concurrency (docs/decisions/0010):
 * 1. here, one transaction: the organisation becomes CLOSING, and peers asking "is it active?" hear no;
 * 2. members, one transaction: it closes its gate for the organisation only if it holds nobody
 *    (every write placing a member holds that gate open), and no lock of ours is held meanwhile;
 * 3. here again: DISSOLVED once members has closed it; back to ACTIVE while it still holds members.
 * If step 2 or 3 is interrupted the organisation stays CLOSING; asking again resumes at step 2.
 */
export async function dissolveOrganization({ transact, peers }: Changes, id: string, dissolvedOn?: string | null): Promise<Organization> {
  const organizationId = check.uuid('id', id);
  const on = check.isoDate('dissolvedOn', dissolvedOn ?? todayIso());
  await transact(async ({ tx, actor }) => {
    const store = new OrganizationStore(tx);
    const organization = (await requireLocked(store, [organizationId])).get(organizationId)!;
    authorizeWithin(actor, organization);
    if (organization.status === 'DISSOLVED') throw new ConflictError(`${organization.name} is already dissolved`);
    const refusal = await requireNoLivingChildren(store, organization);
    if (refusal) throw refusal;
    if (organization.status === 'ACTIVE') await store.markClosing(organizationId);
  });
  const closure = await closeMembership(peers, organizationId);
  // The outcome commits first (a revert to ACTIVE included); a refusal is thrown after.
  const outcome = await transact(async ({ tx, outbox }): Promise<Organization | ConflictError> => {
    const store = new OrganizationStore(tx);
    const organization = (await requireLocked(store, [organizationId])).get(organizationId)!;
    if (organization.status === 'DISSOLVED') return new ConflictError(`${organization.name} is already dissolved`);
    if (!closure.closed) {
      if (organization.status === 'CLOSING') await store.reopen(organizationId);
      return new ConflictError(`${organization.name} still holds ${closure.memberCount} member(s): transfer them first (不漏一个党员)`);
    }
    // Members has closed it for good: it ends DISSOLVED (even if a concurrent attempt reverted it meanwhile).
    const refusal = await requireNoLivingChildren(store, organization);
    if (refusal) return refusal;
    await store.dissolve(organizationId, on);
    await outbox.emit(organizationEvents.dissolved(organization, on));
    return { ...organization, status: 'DISSOLVED' };
  });
  if (outcome instanceof ConflictError) throw outcome;
  return outcome;
}
