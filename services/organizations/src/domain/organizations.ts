import { randomUUID } from 'node:crypto';
import { check, ConflictError, NotFoundError, requireRole, todayIso, translateConstraint, type Peers, type UnitOfWork } from '@cpb/kit';
import { authorizeWithin } from './authorization';
import { OrganizationStore } from '../data/organization-store';
import type { Organization, OrganizationKind, OrganizationScope } from '../entities';
import { organizationEvents } from '../events';
import { checkPlacement, childPath, isCommunityRoot, isInSubtree } from './placement';

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
  if (organization.status !== 'ACTIVE') throw new ConflictError(`${organization.name} is dissolved`);
  checkPlacement(organization.kind, parent);
  if (organization.parentId === parent.id) return organization;
  const path = childPath(parent, organization.id);
  const communityRoot = isCommunityRoot(organization.scope, parent);
  await store.move(organization, parent, path, communityRoot).catch((error: unknown) => translateConstraint(error, onePerCommunity));
  await outbox.emit(organizationEvents.moved(organization, parent.id));
  return { ...organization, parentId: parent.id, path, communityRoot };
}

/** Dissolves an organisation that holds no members and has no active children. */
export async function dissolveOrganization({ tx, outbox, actor }: UnitOfWork, peers: Peers, id: string, dissolvedOn?: string | null): Promise<Organization> {
  const store = new OrganizationStore(tx);
  const organization = (await requireLocked(store, [check.uuid('id', id)])).get(id)!;
  authorizeWithin(actor, organization);
  if (organization.status === 'DISSOLVED') throw new ConflictError(`${organization.name} is already dissolved`);
  const children = await store.activeChildCount(id);
  if (children > 0) throw new ConflictError(`${organization.name} still has ${children} active sub-organisation(s): move or dissolve them first`);
  const [counts] = await peers.members.entities<{ directMemberCount: number }>('Organization', [id], 'directMemberCount');
  const held = counts?.directMemberCount ?? 0;
  if (held > 0) throw new ConflictError(`${organization.name} still holds ${held} member(s): transfer them first (不漏一个党员)`);
  const on = check.isoDate('dissolvedOn', dissolvedOn ?? todayIso());
  await store.dissolve(id, on);
  await outbox.emit(organizationEvents.dissolved(organization, on));
  return { ...organization, status: 'DISSOLVED' };
}
